import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { BIN, ROOT, testEnv } from '../helpers/env.js';
import { needsSharedSandbox } from '../helpers/shared-sandbox.js';

needsSharedSandbox();

/** Debian's Chromium (scripts/setup-test-env.sh installs it), driven by playwright-core, headless. */
const CHROMIUM = process.env.MQ_TUTOR_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACT = path.join(ROOT, '.cache', 'artifacts', 'workshop-watch-web.png');

let context: BrowserContext;
let profile: string;
let watcher: ChildProcess | undefined;
let file: string;
let url: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (scripts/setup-test-env.sh does)`);
  file = path.join(mkdtempSync(path.join(os.tmpdir(), 'mqt-room-')), 'room.json');
  const instructor = testEnv();
  const init = await runCli(
    ['workshop', 'init', 'ckafka', '--sandbox', '--out', file, '--learners', '4', '--name', 'Projector room'],
    { env: instructor },
  );
  expect(init.code, init.stderr).toBe(0);
  const first = await runCli(['join', file, '--name', 'first learner', '--json'], { env: testEnv() });
  expect(first.code, first.stderr).toBe(0);
  // The instructor's board, as they would start it: the real command, serving the page.
  watcher = spawn(process.execPath, [BIN, 'workshop', 'watch', file, '--web', '--port', '0'], {
    env: instructor,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no URL from workshop watch --web: ${out}`)), 20_000);
    watcher?.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const found = /(http:\/\/127\.0\.0\.1:\d+\/?)/.exec(out)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
  });
  profile = mkdtempSync(path.join(os.tmpdir(), 'mqt-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
    viewport: { width: 1400, height: 800 },
  });
}, 90_000);

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (watcher && watcher.exitCode === null) {
    const exited = new Promise((resolve) => watcher?.once('exit', resolve));
    watcher.kill('SIGINT');
    await exited;
  }
});

describe('workshop watch --web in Chromium', () => {
  it('shows the learners from the room’s history, and updates when a new learner finishes', async () => {
    const page = await context.newPage();
    await page.goto(url);
    await expect
      .poll(() => page.locator('#summary').textContent(), { timeout: 15_000 })
      .toBe('1/4 verified · 3 not started');
    expect(await page.locator('#rows td.learner').allTextContents()).toEqual(['first learner']);

    const late = await runCli(['join', file, '--name', 'late learner', '--json'], { env: testEnv() });
    expect(late.code, late.stderr).toBe(0);
    await expect
      .poll(() => page.locator('#summary').textContent(), { timeout: 15_000 })
      .toBe('2/4 verified · 2 not started');
    expect((await page.locator('#rows td.learner').allTextContents()).sort()).toEqual([
      'first learner',
      'late learner',
    ]);
    expect(await page.locator('#rows tr', { hasText: 'late learner' }).getAttribute('class')).toBe(
      'verified',
    );

    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    expect(existsSync(ARTIFACT)).toBe(true);
    await page.close();
  }, 60_000);

  it('stops on Ctrl-C like any command, and the page goes with it', async () => {
    const exited = new Promise<number | null>((resolve) => watcher?.once('exit', (code) => resolve(code)));
    watcher?.kill('SIGINT');
    expect(await exited).toBe(130);
    const page = await context.newPage();
    await expect(page.goto(url, { timeout: 5000 })).rejects.toThrow();
    await page.close();
  }, 20_000);
});
