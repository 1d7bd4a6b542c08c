import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../profile/store.js';
import { openTutorial } from '../../session/prepare.js';
import { checkedTutorial, openWalk, profileChoices, profileNameProblem, WalkUsageError } from './setup.js';

const tutorial = openTutorial('ckafka');
const freshStore = () =>
  new ProfileStore({ MQ_TUTOR_CONFIG_DIR: mkdtempSync(path.join(os.tmpdir(), 'mqt-setup-')) });

describe('opening a walk for the interactive front ends', () => {
  it('checks --set keys and --step as the CLI does', () => {
    expect(checkedTutorial('en', 'ckafka', { groupId: 'x' }).id).toBe('ckafka');
    expect(() => checkedTutorial('en', 'ckafka', { nope: 'x' })).toThrow(/has no parameter "nope"/);
    expect(() => checkedTutorial('en', 'ckafka', {}, 'nowhere')).toThrow(/has no step "nowhere"/);
    expect(() => checkedTutorial('en', 'kafka-x')).toThrow(WalkUsageError);
  });

  it('offers existing profiles with their progress, then "default" and the sandbox', () => {
    const store = freshStore();
    store.update('work', 'ckafka', (s) => ({
      ...s,
      progress: { 'prepare-env': { status: 'passed', at: 'now', durationMs: 1 } },
    }));
    const choices = profileChoices(store, tutorial);
    expect(choices.map((c) => [c.name, c.sandbox, c.passed])).toEqual([
      ['work', false, 1],
      ['default', false, 0],
      ['sandbox', true, 0],
    ]);
  });

  it('checks new profile names', () => {
    expect(profileNameProblem('en', 'workshop-1')).toBeUndefined();
    expect(profileNameProblem('en', '-x')).toBeDefined();
    expect(profileNameProblem('zh', 'a b')).toContain('配置档名称');
  });

  it('remembers --set values in the profile and starts at --step', async () => {
    const store = freshStore();
    const walk = await openWalk({
      lang: 'en',
      tutorialId: 'ckafka',
      profile: 'p',
      sandbox: false,
      set: { groupId: 'tutorial-from-set' },
      step: 'consume',
      saveSecrets: false,
      mode: 'wizard',
      onEvent: () => {},
      signal: new AbortController().signal,
      env: {},
      store,
    });
    expect(walk.startAt).toBe(4);
    expect(walk.resumed).toBe(false);
    expect(store.tutorial('p', 'ckafka').params.groupId).toBe('tutorial-from-set');
  });

  it('one walk per profile and tutorial at a time; the lock is given back at the end', async () => {
    const store = freshStore();
    const options = {
      lang: 'en' as const,
      tutorialId: 'ckafka',
      profile: 'shared',
      sandbox: false,
      set: {},
      saveSecrets: false,
      mode: 'wizard' as const,
      onEvent: () => {},
      signal: new AbortController().signal,
      env: {},
      store,
    };
    const first = await openWalk(options);
    await expect(openWalk(options)).rejects.toThrow(
      /Another mq-tutor \(pid \d+\) is running tutorial ckafka/,
    );
    first.release();
    const again = await openWalk(options);
    again.release();
  });

  it('an unknown tutorial is a usage problem, worded as the CLI words it', async () => {
    await expect(
      openWalk({
        lang: 'en',
        tutorialId: 'nope',
        profile: 'p',
        sandbox: false,
        set: {},
        saveSecrets: false,
        mode: 'plain',
        onEvent: () => {},
        signal: new AbortController().signal,
        env: {},
        store: freshStore(),
      }),
    ).rejects.toBeInstanceOf(WalkUsageError);
  });
});
