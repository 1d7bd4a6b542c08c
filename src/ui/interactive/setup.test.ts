import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProfileStore } from '../../profile/store.js';
import { SessionError } from '../../session/errors.js';
import { openTutorial } from '../../session/tutorials.js';
import { checkedTutorial, profileChoices, profileNameProblem } from './setup.js';

const tutorial = openTutorial('ckafka');
const freshStore = () =>
  new ProfileStore({ MQ_TUTOR_CONFIG_DIR: mkdtempSync(path.join(os.tmpdir(), 'mqt-setup-')) });

describe('choices before a walk opens', () => {
  it('checks --set keys and --step as the command line does', () => {
    expect(checkedTutorial('ckafka', { groupId: 'x' }).id).toBe('ckafka');
    expect(() => checkedTutorial('ckafka', { nope: 'x' })).toThrow(SessionError);
    expect(() => checkedTutorial('ckafka', {}, 'nowhere')).toThrow(/UNKNOWN_STEP/);
    expect(() => checkedTutorial('kafka-x')).toThrow(/UNKNOWN_TUTORIAL/);
  });

  it('offers existing profiles with their progress, then "default" and the sandbox', () => {
    const store = freshStore();
    store.update('work', tutorial, (s) => ({
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
});
