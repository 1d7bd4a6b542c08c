import { describe, expect, it } from 'vitest';
import { parseCli, UsageError } from '../../src/cli/args.js';
import { SessionError } from '../../src/session/errors.js';
import { parseSetPairs } from '../../src/session/set-pairs.js';

describe('command line', () => {
  it('reads run with its options; --json implies --yes', () => {
    const cli = parseCli([
      'run',
      'ckafka',
      '--json',
      '--set',
      'a=b',
      '--set',
      'c=d=e',
      '--profile',
      'p',
      '--step',
      'produce',
    ]);
    expect(cli.command).toBe('run');
    expect(cli.args).toEqual(['ckafka']);
    expect(cli.options).toMatchObject({
      json: true,
      yes: true,
      profile: 'p',
      step: 'produce',
      set: ['a=b', 'c=d=e'],
    });
    expect(parseSetPairs(cli.options.set)).toEqual({ a: 'b', c: 'd=e' });
  });

  it('no command is the wizard; --help and --version win', () => {
    expect(parseCli([]).command).toBe('wizard');
    expect(parseCli(['--sandbox']).options.sandbox).toBe(true);
    expect(parseCli(['run', 'ckafka', '--help']).command).toBe('help');
    expect(parseCli(['-v']).command).toBe('version');
  });

  it('refuses unknown commands, unknown options and --set without =', () => {
    expect(() => parseCli(['deploy'])).toThrow(UsageError);
    expect(() => parseCli(['run', '--bogus'])).toThrow(UsageError);
    expect(() => parseSetPairs(['novalue'])).toThrow(SessionError);
  });

  it('--lang is zh or en; `code` also takes the programming language there', () => {
    expect(() => parseCli(['run', 'ckafka', '--lang', 'xx'])).toThrow(UsageError);
    expect(() => parseCli(['--lang', 'fr'])).toThrow(/--lang fr/);
    expect(parseCli(['run', 'ckafka', '--lang', 'zh']).options.lang).toBe('zh');
    expect(parseCli(['code', 'ckafka', '--lang', 'python']).options.lang).toBe('python');
    expect(() => parseCli(['code', 'ckafka', '--lang', 'cobol'])).toThrow(UsageError);
  });
});
