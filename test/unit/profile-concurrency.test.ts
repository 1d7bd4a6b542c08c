import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../src/profile/store.js';
import { freshConfigDir, ROOT } from '../helpers/env.js';

let writer = '';

beforeAll(async () => {
  // The writer runs as its own Node process, as a second mq-tutor would.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-writer-'));
  const source = path.join(dir, 'profile-writer.ts');
  writeFileSync(
    source,
    `import { ProfileStore } from ${JSON.stringify(path.join(ROOT, 'src', 'profile', 'store.ts'))};
const [configDir, id, count] = process.argv.slice(2);
const both = { id: 'both', params: { password: { type: 'secret' } } };
const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: configDir });
for (let i = 0; i < Number(count); i++) {
  // Its own tutorial, and a tutorial both writers update (the read-modify-write that must not lose).
  store.saveParams('shared', { ...both, id: \`tutorial-\${id}\` }, { [\`k\${i}\`]: String(i) });
  store.saveParams('shared', both, { [\`\${id}-\${i}\`]: 'x' });
  if (i % 10 === 0) store.saveSecrets('shared', both, { password: \`pw-\${id}\` });
}
`,
  );
  writer = path.join(dir, 'profile-writer.mjs');
  await build({
    entryPoints: [source],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
}, 60_000);

function runWriter(configDir: string, id: string, count: number): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [writer, configDir, id, String(count)], { stdio: 'inherit' });
    child.on('close', resolve);
  });
}

describe('two processes writing the same profile', () => {
  it('lose nothing', async () => {
    const configDir = freshConfigDir();
    const count = 150;
    const codes = await Promise.all([runWriter(configDir, 'a', count), runWriter(configDir, 'b', count)]);
    expect(codes).toEqual([0, 0]);
    const store = new ProfileStore({ MQ_TUTOR_CONFIG_DIR: configDir });
    const data = store.read('shared');
    expect(store.damaged).toEqual([]);
    for (const id of ['a', 'b']) {
      expect(Object.keys(data.tutorials[`tutorial-${id}`]?.params ?? {})).toHaveLength(count);
    }
    expect(Object.keys(data.tutorials.both?.params ?? {})).toHaveLength(2 * count);
    expect(store.readSecrets('shared', 'both').password).toMatch(/^pw-[ab]$/);
  }, 60_000);
});
