import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/registry.js';
import { loadTutorial } from '../../src/engine/load.js';
import { runTutorial } from '../../src/engine/runner.js';
import type { EngineEvent } from '../../src/engine/types.js';
import { engineKit } from '../../src/session/kit.js';
import { lintTutorialDir } from '../../src/session/tutorials.js';
import { ROOT } from '../helpers/env.js';

/** A copy of the ckafka tutorial that a test may break. */
function copyOfCkafka(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-steps-'));
  cpSync(path.join(ROOT, 'steps', 'ckafka'), dir, { recursive: true });
  return dir;
}

function edit(file: string, change: (text: string) => string): void {
  writeFileSync(file, change(readFileSync(file, 'utf8')));
}

const lineOf = (file: string, needle: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .findIndex((l) => l.includes(needle)) + 1;

describe('steps lint reports each problem with its file and line', () => {
  it('a missing English block', () => {
    const dir = copyOfCkafka();
    const file = path.join(dir, '03-check-network.md');
    edit(file, (t) => t.replace(/::: en[\s\S]*?\n:::\s*$/m, ''));
    const { problems } = lintTutorialDir(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ file, message: expect.stringMatching(/::: en/) }),
    );
  });

  it('an unknown action, on the line of `action:`', () => {
    const dir = copyOfCkafka();
    const file = path.join(dir, '04-produce.md');
    edit(file, (t) => t.replace('action: kafka.produce', 'action: kafka.teleport'));
    const { problems } = lintTutorialDir(dir);
    expect(problems).toContainEqual({
      file,
      line: lineOf(file, 'action: kafka.teleport'),
      message: expect.stringMatching(/unknown action `kafka.teleport`/),
    });
  });

  it('a parameter the action reads but the step does not list, and an unknown parameter', () => {
    const dir = copyOfCkafka();
    const file = path.join(dir, '04-produce.md');
    edit(file, (t) => t.replace(/checkHostname, topic\]/, 'checkHostname, topics]'));
    const messages = lintTutorialDir(dir).problems.map((p) => p.message);
    expect(messages).toContain('unknown parameter `topics` (not in tutorial.yaml)');
    expect(messages).toContain('action `kafka.produce` reads `topic`: add it to `params`');
  });

  it('a missing Chinese title and a broken rule pattern in tutorial.yaml', () => {
    const dir = copyOfCkafka();
    const file = path.join(dir, 'tutorial.yaml');
    edit(file, (t) => t.replace("pattern: '^[^#\\s]+#[^#\\s]+$'", "pattern: '^[unclosed'"));
    const step = path.join(dir, '01-prepare-env.md');
    edit(step, (t) => t.replace(/title:\n {2}zh: .*\n/, 'title:\n'));
    const { problems } = lintTutorialDir(dir);
    expect(problems).toContainEqual({
      file,
      line: lineOf(file, "pattern: '^[unclosed'"),
      message: expect.stringMatching(/not a valid regular expression/),
    });
    expect(problems).toContainEqual(
      expect.objectContaining({ file: step, message: '`title` has no Chinese (zh) text' }),
    );
  });

  it('a step listed in tutorial.yaml without a file, and YAML that does not parse', () => {
    const dir = copyOfCkafka();
    edit(path.join(dir, 'tutorial.yaml'), (t) => t.replace('  - verify', '  - verify\n  - celebrate'));
    edit(path.join(dir, '02-check-cert.md'), (t) => t.replace('timeoutSeconds: 20', 'timeoutSeconds: [20'));
    const messages = lintTutorialDir(dir).problems.map((p) => `${path.basename(p.file)}:${p.message}`);
    expect(messages).toContain('tutorial.yaml:step `celebrate` is listed but no .md file has that id');
    expect(messages.some((m) => m.startsWith('02-check-cert.md:'))).toBe(true);
  });
});

describe('a tutorial says which broker it talks to', () => {
  it('a missing or unknown broker, and an action of another broker, are reported', () => {
    const dir = copyOfCkafka();
    const file = path.join(dir, 'tutorial.yaml');
    edit(file, (t) => t.replace('broker: kafka\n', ''));
    expect(lintTutorialDir(dir).problems.map((p) => p.message)).toContainEqual(
      expect.stringContaining('`broker` names the broker the tutorial talks to: one of kafka, rocketmq'),
    );
    edit(file, (t) => t.replace('id: ckafka\n', 'id: ckafka\nbroker: pulsar\n'));
    expect(lintTutorialDir(dir).problems[0]?.line).toBe(lineOf(file, 'broker: pulsar'));
    edit(file, (t) => t.replace('broker: pulsar', 'broker: rocketmq'));
    expect(lintTutorialDir(dir).problems.map((p) => p.message)).toContain(
      "action `kafka.produce` talks to kafka, but this tutorial's broker is rocketmq",
    );
  });
});

describe('a new tutorial needs only new files in steps/', () => {
  it('loads and runs a tutorial folder the engine has never seen', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-newtut-'));
    writeFileSync(
      path.join(dir, 'tutorial.yaml'),
      [
        'id: hello',
        'broker: kafka',
        'title: {zh: 你好, en: Hello}',
        'summary: {zh: 只检查环境。, en: Only checks the environment.}',
        'steps: [env]',
        'params: {}',
      ].join('\n'),
    );
    writeFileSync(
      path.join(dir, '01-env.md'),
      [
        '---',
        'id: env',
        'action: env.prepare',
        'with: {pythonPackage: six, pythonModule: six}',
        'title: {zh: 环境, en: Environment}',
        'passes: {zh: 有 Node。, en: Node is there.}',
        '---',
        '::: zh',
        '检查环境。',
        ':::',
        '::: en',
        'Checks the environment.',
        ':::',
      ].join('\n'),
    );
    const tutorial = loadTutorial(dir, actionCatalogue);
    const events: EngineEvent[] = [];
    const summary = await runTutorial({
      kit: engineKit(),
      tutorial,
      values: {},
      signal: new AbortController().signal,
      onEvent: (e) => events.push(e),
    });
    expect(summary.passed + summary.warned).toBe(1);
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'run-started',
        'step-started',
        'step-progress',
        'step-finished',
        'run-finished',
      ]),
    );
  });
});
