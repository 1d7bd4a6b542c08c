import { cpSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/registry.js';
import {
  type CompiledTutorials,
  compiledTutorial,
  fingerprint,
  portable,
} from '../../src/engine/compiled.js';
import { loadTutorial } from '../../src/engine/load.js';
import { ROOT } from '../helpers/env.js';

function compiledCopy() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'mqt-compiled-'));
  const dir = path.join(root, 'ckafka');
  cpSync(path.join(ROOT, 'steps', 'ckafka'), dir, { recursive: true });
  const cache = path.join(root, 'tutorials.json');
  const data: CompiledTutorials = {
    version: 1,
    tutorials: {
      ckafka: { files: fingerprint(dir), tutorial: portable(loadTutorial(dir, actionCatalogue)) },
    },
  };
  writeFileSync(cache, JSON.stringify(data));
  return { dir, cache };
}

describe('tutorials compiled at build time', () => {
  it('give the same tutorial as parsing the files', () => {
    const { dir, cache } = compiledCopy();
    expect(compiledTutorial(cache, dir)).toEqual(loadTutorial(dir, actionCatalogue));
  });

  it('are not used once a step file has changed, so an instructor’s edit is seen', () => {
    const { dir, cache } = compiledCopy();
    const later = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, '04-produce.md'), later, later);
    expect(compiledTutorial(`${cache}`, dir)).toBeUndefined();
  });

  it('are not used when a step file was added', () => {
    const { dir, cache } = compiledCopy();
    writeFileSync(path.join(dir, '07-extra.md'), '---\n---\n');
    expect(compiledTutorial(cache, dir)).toBeUndefined();
  });
});
