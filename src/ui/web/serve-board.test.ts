import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { joined, roomOfThirty, sampleRoom, step, T0 } from '../../workshop/testing/sample-room.js';
import { LiveBoard } from '../board/live-board.js';
import { type ServedBoard, serveBoard } from './serve-board.js';
import { eventQueue } from './testing/event-queue.js';
import type { WebBoard } from './web-view.js';

let served: ServedBoard | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(url: string, options: { method?: string; host?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: options.method ?? 'GET',
      headers: options.host ? { host: options.host } : {},
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads /events; frames() is what arrived so far, split into events. */
function subscribe(url: string) {
  let raw = '';
  let contentType = '';
  const req = request(new URL('events', url));
  const opened = new Promise<void>((resolve, reject) => {
    req.on('response', (res) => {
      contentType = String(res.headers['content-type']);
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        raw += chunk;
      });
      resolve();
    });
    req.on('error', reject);
  });
  req.end();
  const frames = () => raw.split('\n\n').filter(Boolean);
  const boards = () =>
    frames()
      .filter((f) => f.startsWith('event: board\n'))
      .map(
        (f) =>
          JSON.parse(
            f
              .split('\n')
              .slice(1)
              .map((l) => l.replace(/^data: /, ''))
              .join('\n'),
          ) as WebBoard,
      );
  const until = async (test: (b: WebBoard[]) => boolean, ms = 3000) => {
    const end = Date.now() + ms;
    while (!test(boards())) {
      if (Date.now() > end) throw new Error(`no such event; got ${frames().length} frames`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    opened,
    frames,
    boards,
    until,
    contentType: () => contentType,
    stop: () => req.destroy(),
    raw: () => raw,
  };
}

const clock = () => T0 + 600_000;

describe('serveBoard', () => {
  it('listens on 127.0.0.1 only, on a free port', async () => {
    const { room, events: history } = roomOfThirty();
    const events = eventQueue(history).iterable;
    served = await serveBoard({ room, lang: 'en', events, port: 0, signal: new AbortController().signal });
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const port = new URL(served.url).port;
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((a) => a && a.family === 'IPv4' && !a.internal)
      .map((a) => a?.address);
    for (const address of others)
      await expect(get(`http://${address}:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await expect(get(`http://[::1]:${port}/`)).rejects.toBeTruthy();
  });

  it('serves the page with the room’s name escaped and its language; its CSS and script as written', async () => {
    const room = sampleRoom({ name: '<script>alert(1)</script> & co' });
    served = await serveBoard({
      room,
      lang: 'zh',
      events: eventQueue().iterable,
      signal: new AbortController().signal,
    });
    const page = await get(served.url);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<html lang="zh-CN">');
    expect(page.body).toContain('工作坊看板 · &lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('正在连接看板……');
    expect(page.body).not.toMatch(/\{\{\w+\}\}/);
    expect(page.body).not.toMatch(/https?:\/\//);
    const css = await get(new URL('board.css', served.url).href);
    expect([css.status, css.headers['content-type']]).toEqual([200, 'text/css; charset=utf-8']);
    const js = await get(new URL('board.js', served.url).href);
    expect([js.status, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect(js.body).toContain("new EventSource('events')");
    expect(js.body).not.toContain('innerHTML');
  });

  it('404 for anything else, 405 for other methods, 403 for another host name', async () => {
    const { room, events: history } = roomOfThirty();
    const events = eventQueue(history).iterable;
    served = await serveBoard({ room, lang: 'en', events, signal: new AbortController().signal });
    for (const path of ['nope', 'favicon.ico', '../package.json', 'events/x', 'src/ui/web/page/board.js'])
      expect((await get(new URL(path, served.url).href)).status).toBe(404);
    const post = await get(served.url, { method: 'POST' });
    expect([post.status, post.headers.allow]).toEqual([405, 'GET, HEAD']);
    const port = new URL(served.url).port;
    expect((await get(served.url, { host: `attacker.example:${port}` })).status).toBe(403);
    expect((await get(served.url, { host: `localhost:${port}` })).status).toBe(200);
  });

  it('/events: the view at once on connect, then again on every change', async () => {
    const { room, events } = roomOfThirty();
    const queue = eventQueue(events);
    served = await serveBoard({
      room,
      lang: 'en',
      events: queue.iterable,
      signal: new AbortController().signal,
      now: clock,
    });
    const sse = subscribe(served.url);
    await sse.opened;
    expect(sse.contentType()).toBe('text/event-stream; charset=utf-8');
    await sse.until((b) => b.at(-1)?.summary.startsWith('22/30 verified') === true);
    expect(sse.raw().startsWith('retry: 2000\n\n')).toBe(true);
    const first = sse.boards().at(-1) as WebBoard;
    expect(first.rows.map((r) => r.learner).slice(0, 2)).toEqual(['victor', 'walter']);
    expect(first.rows[0]).toMatchObject({
      state: 'stuck',
      stateWord: 'stuck',
      code: 'CONSUME_NOT_SEEN',
      time: '0:36',
    });
    queue.push(
      step('victor', 'consume', 'passed', 590, { durationMs: 500 }),
      step('victor', 'verify', 'passed', 591, { durationMs: 500 }),
    );
    await sse.until((b) => b.at(-1)?.summary.startsWith('23/30 verified') === true);
    expect(
      sse
        .boards()
        .at(-1)
        ?.rows.find((r) => r.learner === 'victor')?.state,
    ).toBe('verified');
    for (const frame of sse.frames().slice(1)) expect(frame).toMatch(/^event: board\ndata: \{.*\}$/s);
    sse.stop();
  });

  it('every second while a step runs, since its clock moves', async () => {
    let now = T0 + 10_000;
    const live = new LiveBoard(sampleRoom(), () => now);
    live.apply(joined('alice', 0));
    live.apply(step('alice', 'prepare-env', 'started', 1));
    served = await serveBoard({
      room: live.room,
      lang: 'en',
      events: live,
      signal: new AbortController().signal,
      now: () => now,
    });
    const sse = subscribe(served.url);
    await sse.until((b) => b.length >= 1);
    expect(sse.boards()[0]?.rows[0]?.time).toBe('0:09');
    now += 3000;
    await sse.until((b) => b.at(-1)?.rows[0]?.time === '0:12', 2500);
    sse.stop();
  });

  it('the same view as JSON, once', async () => {
    const { room, events } = roomOfThirty();
    served = await serveBoard({
      room,
      lang: 'en',
      events: eventQueue(events).iterable,
      signal: new AbortController().signal,
      now: clock,
    });
    const url = new URL('board.json', served.url).href;
    const summary = async () => (JSON.parse((await get(url)).body) as WebBoard).summary;
    await expect
      .poll(summary)
      .toBe('22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2) · 3 not started');
  });

  it('close (or the signal) ends the open streams and stops listening', async () => {
    const controller = new AbortController();
    const { room, events: history } = roomOfThirty();
    const events = eventQueue(history).iterable;
    const board = await serveBoard({ room, lang: 'en', events, signal: controller.signal });
    const sse = subscribe(board.url);
    await sse.until((b) => b.length >= 1);
    controller.abort();
    await board.close();
    await expect(get(board.url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('takes the port it is given, and says so when it is taken', async () => {
    const { room, events: history } = roomOfThirty();
    const events = eventQueue(history).iterable;
    served = await serveBoard({ room, lang: 'en', events, signal: new AbortController().signal });
    const port = Number(new URL(served.url).port);
    await expect(
      serveBoard({ room, lang: 'en', events, port, signal: new AbortController().signal }),
    ).rejects.toMatchObject({
      code: 'EADDRINUSE',
    });
    await served.close();
    served = await serveBoard({ room, lang: 'en', events, port, signal: new AbortController().signal });
    expect(served.url).toBe(`http://127.0.0.1:${port}/`);
  });
});
