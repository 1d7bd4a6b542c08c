import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makePrivate } from '../../src/sandbox/sandbox.js';

let churn: ChildProcess | undefined;
afterEach(() => {
  churn?.kill('SIGKILL');
  churn = undefined;
});

describe('makePrivate: the sandbox state folder made 0700, its files 0600', () => {
  it('tightens what is open to others, folders and files alike', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-private-'));
    mkdirSync(path.join(dir, 'kafka'), { mode: 0o755 });
    writeFileSync(path.join(dir, 'kafka', 'server.properties'), 'x', { mode: 0o644 });
    makePrivate(dir);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'kafka')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'kafka', 'server.properties')).mode & 0o777).toBe(0o600);
  });

  it('leaves a link alone and does not follow it out of the folder', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-private-'));
    const outside = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-outside-')), 'shared.txt');
    writeFileSync(outside, 'x', { mode: 0o644 });
    symlinkSync(outside, path.join(dir, 'link'));
    symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling'));
    makePrivate(dir);
    expect(statSync(outside).mode & 0o777).toBe(0o644);
  });

  it('is not upset by files the brokers make and remove while it walks (their logs, checkpoints, segments)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-private-'));
    mkdirSync(path.join(dir, 'data'));
    // A broker of our own making: files come and go all the time, hundreds at once.
    churn = spawn(
      'sh',
      [
        '-c',
        'cd "$1" && while :; do for i in $(seq 1 300); do : > f$i.tmp; done; rm -f f*.tmp; done',
        'sh',
        path.join(dir, 'data'),
      ],
      { stdio: 'ignore' },
    );
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 300; i++) expect(() => makePrivate(dir)).not.toThrow();
    expect(statSync(path.join(dir, 'data')).mode & 0o777).toBe(0o700);
  }, 30_000);
});
