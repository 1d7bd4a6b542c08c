import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/helpers/env.js';
import { joined, roomOfThirty, step, T0, walk } from '../../workshop/testing/sample-room.js';
import { type ServedBoard, serveBoard } from './serve-board.js';
import { eventQueue } from './testing/event-queue.js';

/**
 * The web board in a real browser: Debian's Chromium (scripts/setup-test-env.sh installs it),
 * driven by playwright-core, headless, nothing fetched from anywhere but the board's own server.
 */
const CHROMIUM = process.env.MQ_TUTOR_CHROMIUM ?? '/usr/bin/chromium';
const ARTIFACT = path.join(ROOT, '.cache', 'artifacts', 'board.png');
const EVIL = '<img src=x onerror="window.pwned=1">';

// What the functions run in the page use (this project's TypeScript has no DOM library).
declare const window: { pwned?: number; marker?: number };
declare function getComputedStyle(element: unknown): { backgroundColor: string; fontWeight: string };

let context: BrowserContext;
let profile: string;
const boards: ServedBoard[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: apt-get install chromium (scripts/setup-test-env.sh does)`);
  profile = mkdtempSync(path.join(os.tmpdir(), 'mqt-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1600, height: 900 },
  });
}, 30_000);

afterAll(async () => {
  for (const board of boards) await board.close();
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function opened(lang: 'en' | 'zh') {
  const { room, events } = roomOfThirty();
  const queue = eventQueue([
    ...events,
    joined(EVIL, 500),
    ...walk('ömer', 400, { through: 2, next: 'running' }),
  ]);
  const board = await serveBoard({
    room,
    lang,
    events: queue.iterable,
    signal: new AbortController().signal,
    now: () => T0 + 600_000,
  });
  boards.push(board);
  const page = await context.newPage();
  const offSite: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(board.url)) offSite.push(req.url());
  });
  await page.goto(board.url);
  await page.waitForSelector('#rows tr');
  return { page, queue, board, offSite };
}

describe('the web board in Chromium', () => {
  it('shows the learners and the count line, and updates without a reload when a learner finishes', async () => {
    const { page, queue, offSite } = await opened('en');
    await expect
      .poll(() => page.locator('#summary').textContent())
      .toBe(
        '22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2) · 1 in progress · 2 not started',
      );
    const names = await page.locator('#rows td.learner').allTextContents();
    expect(names).toHaveLength(29);
    expect(names.slice(0, 6)).toEqual(['victor', 'walter', '陈静', 'yvonne', 'zoe', 'ömer']);
    expect(names).toContain('王小明');
    // A name that looks like HTML is shown as the text it is.
    expect(names).toContain(EVIL);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => window.pwned)).toBeUndefined();
    // The stuck stand out: their own background, bold.
    const stuck = page.locator('#rows tr.stuck').first();
    const verified = page.locator('#rows tr.verified').first();
    const background = (row: typeof stuck) => row.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background(stuck)).not.toBe(await background(verified));
    expect(await stuck.locator('td.learner').evaluate((el) => getComputedStyle(el).fontWeight)).toBe('700');
    await expect
      .poll(() => page.locator('#rows tr').first().locator('td.state').textContent())
      .toBe('✖ stuck');

    // Set on this page load: still there after the update means the page was not reloaded.
    await page.evaluate(() => {
      window.marker = 42;
    });
    queue.push(
      step('victor', 'consume', 'started', 595),
      step('victor', 'consume', 'passed', 596, { durationMs: 800 }),
      step('victor', 'verify', 'started', 596),
      step('victor', 'verify', 'passed', 597, { durationMs: 600 }),
    );
    await expect
      .poll(() => page.locator('#summary').textContent())
      .toBe(
        '23/30 verified · 4 stuck at consume (CONSUME_NOT_SEEN 2, SASL_AUTH_FAILED 2) · 1 in progress · 2 not started',
      );
    const victor = page.locator('#rows tr', { hasText: 'victor' });
    expect(await victor.getAttribute('class')).toBe('verified');
    expect(await page.evaluate(() => window.marker)).toBe(42);
    expect(offSite).toEqual([]);

    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    await page.screenshot({ path: ARTIFACT, fullPage: true });
    expect(existsSync(ARTIFACT)).toBe(true);
    await page.close();
  }, 30_000);

  it('in Chinese: the page’s language, words and count line', async () => {
    const { page } = await opened('zh');
    mkdirSync(path.dirname(ARTIFACT), { recursive: true });
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await expect
      .poll(() => page.locator('#summary').textContent())
      .toContain('22/30 已验证 · 5 人卡在 consume');
    expect(await page.locator('#heads th').first().textContent()).toBe('学员');
    expect(await page.title()).toBe('Kafka 101 · Tuesday · mq-tutor 工作坊看板');
    await page.screenshot({ path: ARTIFACT.replace(/\.png$/, '-zh.png'), fullPage: true });
    await page.close();
  }, 30_000);

  it('says so when the connection is lost, and EventSource keeps trying', async () => {
    const { page, board } = await opened('en');
    await board.close();
    await expect
      .poll(() => page.locator('#status').textContent())
      .toBe('The connection to the board was lost; reconnecting…');
    expect(await page.locator('#status').isVisible()).toBe(true);
    await page.close();
  }, 30_000);
});
