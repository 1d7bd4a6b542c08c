import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventually,
  fail,
  type StepScript,
  sandboxLikeValues,
  scriptedOpen,
  untilStopped,
} from '../../../test/helpers/scripted-walk.js';
import { openTutorial } from '../../session/tutorials.js';
import { profileChoices } from '../interactive/setup.js';
import { type Ask, QuitError } from './ask.js';
import { plainWalk } from './walk.js';

interface Asked {
  kind: string;
  message: string;
  answer: string | boolean;
}

/** Answers questions by pattern; anything else gets the default (Enter). */
function scriptedAsk(answers: [RegExp, string | boolean | Error][] = []): Ask & { asked: Asked[] } {
  const asked: Asked[] = [];
  const pick = (kind: string, message: string, fallback: string | boolean) => {
    const hit = answers.find(([re]) => re.test(message));
    if (hit?.[1] instanceof Error) throw hit[1];
    const answer = hit ? (hit[1] as string | boolean) : fallback;
    asked.push({ kind, message, answer });
    return answer;
  };
  return {
    asked,
    select: async (message, choices, def) => pick('select', message, def ?? choices[0]?.value ?? '') as never,
    input: async (message, options) => {
      const answer = String(pick('input', message, options.default ?? ''));
      const valid = options.validate?.(answer);
      if (valid !== undefined && valid !== true) throw new Error(`invalid answer to ${message}: ${valid}`);
      return answer;
    },
    password: async (message) => String(pick('password', message, 'typed-secret')),
    confirm: async (message, def) => Boolean(pick('confirm', message, def)),
  };
}

function walk(
  ask: Ask,
  scripts: Record<string, StepScript> = {},
  set = sandboxLikeValues(),
  signal = new AbortController().signal,
  /** Asked at a prompt (the first question), instead of fixed as by --profile. */
  askProfile = false,
  more: { tutorialId?: string; out?: string; set?: Record<string, string> } = {},
) {
  const tutorialId = more.tutorialId ?? 'ckafka';
  const scripted = scriptedOpen(scripts, { set, tutorial: tutorialId });
  const lines: string[] = [];
  const outcome = plainWalk({
    lang: 'en',
    ask,
    write: (line) => lines.push(line),
    tutorialId,
    ...(askProfile ? {} : { profile: { name: 'test', sandbox: false } }),
    flags: { set: more.set ?? {}, saveSecrets: false, ...(more.out ? { out: more.out } : {}) },
    signal,
    tutorials: () => [],
    profiles: (id) => profileChoices(scripted.store, openTutorial(id)),
    open: scripted.open,
    width: 80,
    styled: false,
  });
  return { outcome, lines, scripted };
}

describe('--plain: the walk as numbered questions', () => {
  it('asks the profile, the start, each parameter once (numbered), then runs every step to a summary', async () => {
    const ask = scriptedAsk([[/5\.9 Consumer group ID/, 'tutorial-plain-typed']]);
    const { outcome, lines, scripted } = walk(ask, {}, sandboxLikeValues(), undefined, true);
    expect((await outcome).code).toBe(0);
    const messages = ask.asked.map((a) => a.message);
    expect(messages[0]).toContain('Which profile?');
    expect(messages).toContain('Start at which step?');
    expect(messages).toContain('2.2 Bootstrap servers');
    expect(messages.filter((m) => /Bootstrap servers/.test(m))).toHaveLength(1);
    expect(messages).toContain('5.9 Consumer group ID');
    expect(scripted.session?.values.groupId).toBe('tutorial-plain-typed');
    const text = lines.join('\n');
    expect(text).toContain('[4/6] Send a message');
    expect(text).toContain('What this step does'); // the explanation
    expect(text).toMatch(/4\.5 Password: already set \(from --set\), not shown/);
    expect(text).not.toContain('learner-secret');
    expect(text).toContain('Summary: 6 passed, 0 failed');
    expect(text).toContain('mq-tutor code ckafka');
  });

  it('a failure offers to change the parameters and retry', async () => {
    let tries = 0;
    const ask = scriptedAsk([
      [/3\.1 Bootstrap servers/, 'localhost:19095'],
      [/What now\?/, 'run'],
    ]);
    const flaky: StepScript = (ctx) => {
      tries += 1;
      return tries === 1
        ? fail('CONNECTION_REFUSED', { host: 'localhost', port: '19095' })(ctx)
        : { status: 'passed', details: {} };
    };
    const { outcome, lines } = walk(ask, { 'check-network': flaky });
    expect((await outcome).code).toBe(0);
    expect(tries).toBe(2);
    expect(lines.join('\n')).toContain('[CONNECTION_REFUSED]');
  });

  it('a secret typed at the prompt: the one-time question, default no', async () => {
    const ask = scriptedAsk();
    const { outcome, scripted } = walk(ask, {}, { ...sandboxLikeValues(), password: '' });
    expect((await outcome).code).toBe(0);
    expect(ask.asked.filter((a) => a.kind === 'password')).toHaveLength(1);
    expect(ask.asked.filter((a) => a.kind === 'confirm').map((a) => a.answer)).toEqual([false]);
    expect(scripted.store.readSecrets('test', 'ckafka')).toEqual({});
  });

  it('"yes, keep the secret you typed" keeps only that one, not a secret given with --set', async () => {
    const ask = scriptedAsk([[/keep/i, true]]);
    const set = {
      endpoints: '127.0.0.1:8081',
      accessKey: 'ak-from-the-command-line',
      secretKey: '',
      topic: 'tutorial-topic',
      group: 'tutorial-group',
    };
    const { outcome, scripted } = walk(ask, {}, set, undefined, false, { tutorialId: 'rocketmq' });
    expect((await outcome).code).toBe(0);
    expect(ask.asked.filter((a) => a.kind === 'password').map((a) => a.message)).toEqual([
      expect.stringMatching(/secretKey/),
    ]);
    expect(ask.asked.filter((a) => a.kind === 'confirm').map((a) => a.answer)).toEqual([true]);
    expect(scripted.store.readSecrets('test', 'rocketmq')).toEqual({ secretKey: 'typed-secret' });
  });

  it('records the values the walk used, typed ones included, and writes the programs to --out', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'mqt-plain-out-'));
    const ask = scriptedAsk([[/5\.9 Consumer group ID/, 'tutorial-plain-recorded']]);
    const { outcome, lines, scripted } = walk(ask, {}, sandboxLikeValues(), undefined, false, { out });
    expect((await outcome).code).toBe(0);
    const run = scripted.store.tutorial('test', 'ckafka').lastRun;
    expect(run?.params?.groupId).toBe('tutorial-plain-recorded');
    expect(run?.paramSources?.groupId).toBe('typed');
    expect(run?.paramSources?.bootstrapServers).toBe('set');
    expect(run?.params?.password).toBeUndefined();
    expect(existsSync(path.join(out, 'python', 'consumer.py'))).toBe(true);
    expect(readFileSync(path.join(out, 'python', 'consumer.py'), 'utf8')).toContain(
      'tutorial-plain-recorded',
    );
    expect(lines.join('\n')).toContain(`your producer and consumer are in ${path.join(out, 'python')}`);
  });

  it('Ctrl-C at a question: what was typed is kept, exit 130', async () => {
    const ask = scriptedAsk([
      [/Start at which step\?/, '4'],
      [/5\.9 Consumer group ID/, 'tutorial-before-quit'],
      [/What now\?/, new QuitError()],
    ]);
    const { outcome, lines, scripted } = walk(ask, {}, sandboxLikeValues());
    const result = await outcome;
    expect(result.code).toBe(130);
    expect(lines.join('\n')).toContain('Interrupted. What you entered is saved');
    expect(scripted.store.tutorial('test', 'ckafka').params.groupId).toBe('tutorial-before-quit');
  });

  it('the signal stops a running step cleanly: exit 130', async () => {
    const external = new AbortController();
    const ask = scriptedAsk([[/Start at which step\?/, '4']]);
    const { outcome, scripted } = walk(
      ask,
      { consume: untilStopped() },
      sandboxLikeValues(),
      external.signal,
    );
    await eventually(() => scripted.runs.includes('consume'));
    external.abort();
    expect((await outcome).code).toBe(130);
    expect(scripted.session?.results.get('consume')?.skipReason).toBe('interrupted');
  });
});
