// Bundles the CLI into dist/ with esbuild: one file for the start-up path (Ink loaded as separate
// ES modules starts several times slower), with heavy clients split into chunks that load only when
// a step needs them.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: {
    'mq-tutor': 'src/cli/entry.ts',
    'compile-steps': 'src/session/compile-steps.ts',
    // The sandbox's holder of a RocketMQ route to a broker that is not there (a broken corner).
    'sandbox-dead-route': 'src/sandbox/rocketmq/dead-route-main.ts',
  },
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

// `mq-tutor/remoting`: the remoting client as a library for the programs `mq-tutor code` writes.
// One self-contained file (no chunks shared with the CLI), and its types from the public entry.
await build({
  entryPoints: { remoting: 'src/remoting/index.ts' },
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
});
const declarationFlags = [
  '--declaration --emitDeclarationOnly --outDir dist/types --rootDir src --strict --skipLibCheck',
  '--target ES2022 --module NodeNext --moduleResolution NodeNext --lib ES2023 --types node',
  '--verbatimModuleSyntax --isolatedModules',
].flatMap((line) => line.split(' '));
execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', 'src/remoting/index.ts', ...declarationFlags],
  { stdio: 'inherit' },
);
writeFileSync('dist/remoting.d.ts', "export * from './types/remoting/index.js';\n");

// The built-in tutorials, checked and parsed once here rather than at every start.
execFileSync(process.execPath, ['dist/compile-steps.js', 'steps', 'dist/tutorials.json'], {
  stdio: 'inherit',
});
