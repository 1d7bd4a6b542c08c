// Build step: checks every tutorial under steps/ and writes dist/tutorials.json (see engine/compiled.ts).
// A tutorial with problems is left out, so it is parsed (and its problems reported) at run time.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type CompiledTutorials, fingerprint, portable } from '../engine/compiled.js';
import { listTutorials } from '../engine/load.js';
import { lintTutorialDir } from './tutorials.js';

const [stepsDir, outFile] = process.argv.slice(2);
if (!stepsDir || !outFile) throw new Error('usage: compile-steps <steps dir> <out file>');
const out: CompiledTutorials = { version: 1, tutorials: {} };
for (const id of listTutorials(stepsDir)) {
  const dir = path.join(stepsDir, id);
  const { tutorial, problems } = lintTutorialDir(dir);
  if (!tutorial || problems.length > 0) {
    process.stderr.write(`compile-steps: ${id} has ${problems.length} problem(s); run mq-tutor steps lint\n`);
    continue;
  }
  out.tutorials[id] = { files: fingerprint(dir), tutorial: portable(tutorial) };
}
writeFileSync(outFile, JSON.stringify(out));
