import { describe, expect, it } from 'vitest';
import { openTutorial } from '../../session/prepare.js';
import {
  fail,
  type StepScript,
  sandboxLikeValues,
  scriptedOpen,
  untilStopped,
} from '../ink/testing/scripted.js';
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
) {
  const scripted = scriptedOpen(scripts, { set });
  const lines: string[] = [];
  const outcome = plainWalk({
    lang: 'en',
    ask,
    write: (line) => lines.push(line),
    tutorialId: 'ckafka',
    set: {},
    saveSecrets: false,
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
    const { outcome, lines, scripted } = walk(ask);
    expect((await outcome).code).toBe(0);
    const messages = ask.asked.map((a) => a.message);
    expect(messages[0]).toContain('Which profile?');
    expect(messages).toContain('Start at which step?');
    expect(messages).toContain('2.2 Bootstrap servers');
    expect(messages.filter((m) => /Bootstrap servers/.test(m))).toHaveLength(1);
    expect(messages).toContain('5.9 Consumer group ID');
    expect(scripted.controller?.values.groupId).toBe('tutorial-plain-typed');
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
        ? fail('NET_UNREACHABLE', { server: 'localhost:19095' })(ctx)
        : { status: 'passed', durationMs: 1, details: {} };
    };
    const { outcome, lines } = walk(ask, { 'check-network': flaky });
    expect((await outcome).code).toBe(0);
    expect(tries).toBe(2);
    expect(lines.join('\n')).toContain('[NET_UNREACHABLE]');
  });

  it('a secret typed at the prompt: the one-time question, default no', async () => {
    const ask = scriptedAsk();
    const { outcome, scripted } = walk(ask, {}, { ...sandboxLikeValues(), password: '' });
    expect((await outcome).code).toBe(0);
    expect(ask.asked.filter((a) => a.kind === 'password')).toHaveLength(1);
    expect(ask.asked.filter((a) => a.kind === 'confirm').map((a) => a.answer)).toEqual([false]);
    expect(scripted.store.readSecrets('test', 'ckafka')).toEqual({});
  });

  it('Ctrl-C at a question: the walk is recorded as interrupted, exit 130', async () => {
    const ask = scriptedAsk([
      [/5\.9 Consumer group ID/, 'tutorial-before-quit'],
      [/What now\?/, new QuitError()],
    ]);
    const { outcome, lines, scripted } = walk(ask, {}, sandboxLikeValues());
    const result = await outcome;
    expect(result.code).toBe(130);
    expect(lines.join('\n')).toContain('Interrupted. What you entered is saved');
    expect(scripted.controller?.finished).toBe(true);
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
    await new Promise((r) => setTimeout(r, 50));
    external.abort();
    expect((await outcome).code).toBe(130);
    expect(scripted.controller?.results.get('consume')?.skipReason).toBe('interrupted');
  });
});
