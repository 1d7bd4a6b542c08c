// Bundles the CLI into dist/ with esbuild: one file for the start-up path (Ink loaded as separate
// ES modules starts several times slower), with heavy clients split into chunks that load only when
// a step needs them.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { 'mq-tutor': 'src/cli/entry.ts', 'compile-steps': 'src/engine/compile-steps.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  // Kept as packages: large CommonJS clients with their own native-ish loading (gRPC, protobuf),
  // only ever imported dynamically; and Ink's optional devtools hook.
  external: ['kafkajs', 'rocketmq-client-nodejs', 'react-devtools-core'],
  banner: {
    js: "import { createRequire as __mqCreateRequire } from 'node:module'; const require = __mqCreateRequire(import.meta.url);",
  },
  // React and Ink in their production builds: the development ones check more and start slower.
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});

// The built-in tutorials, checked and parsed once here rather than at every start.
execFileSync(process.execPath, ['dist/compile-steps.js', 'steps', 'dist/tutorials.json'], {
  stdio: 'inherit',
});
