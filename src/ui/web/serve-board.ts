import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Lang, t } from '../../i18n/index.js';
import type { ProgressEvent, Room } from '../../workshop/progress.js';
import { boardView } from '../../workshop/view.js';
import { LiveBoard } from '../board/live-board.js';
import { fillPage } from './escape.js';
import { type PageFiles, readPageFiles } from './page-files.js';
import { SSE_KEEPALIVE, sseFrame } from './sse.js';
import { type WebBoard, webBoard } from './web-view.js';

export interface ServeBoardOptions {
  room: Room;
  lang: Lang;
  /** The room's progress events (history first, then live), or a live board already fed. */
  events: AsyncIterable<ProgressEvent> | LiveBoard;
  /** 0 or none: any free port. */
  port?: number;
  signal: AbortSignal;
  now?: () => number;
}

export interface ServedBoard {
  url: string;
  close: () => Promise<void>;
}

const HOST = '127.0.0.1';
const KEEPALIVE_EVERY = 15;

/** The page may load only its own files and open only its own event stream. */
const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * `workshop watch --web`: the board as a web page for the projector, on 127.0.0.1 only. `GET /`
 * is the page; `GET /events` is a stream of server-sent events, each `board` event the whole view
 * (sorted, with the count line, in the room's language): at once on connect, again on every
 * change, and every second while a learner's step runs (its clock moves). `GET /board.json` is
 * the same view once.
 */
export async function serveBoard(options: ServeBoardOptions): Promise<ServedBoard> {
  const { lang } = options;
  const now = options.now ?? Date.now;
  const files = readPageFiles();
  const live = options.events instanceof LiveBoard ? options.events : new LiveBoard(options.room);
  const reading = new AbortController();
  if (!(options.events instanceof LiveBoard)) void live.feed(options.events, reading.signal);

  const clients = new Set<ServerResponse>();
  const current = () => {
    const { board, failure } = live.getSnapshot();
    return webBoard(boardView(board, { now: now(), lang }), lang, failure);
  };
  let lastSent = '';
  const broadcast = () => {
    if (clients.size === 0) return;
    const data = JSON.stringify(current());
    if (data === lastSent) return;
    lastSent = data;
    for (const res of clients) res.write(sseFrame('board', data));
  };
  const unsubscribe = live.subscribe(broadcast);
  let seconds = 0;
  const timer = setInterval(() => {
    seconds += 1;
    if (clients.size > 0 && current().ticking) broadcast();
    if (seconds % KEEPALIVE_EVERY === 0) for (const res of clients) res.write(SSE_KEEPALIVE);
  }, 1000);

  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo | null)?.port;
    handle(req, res, { port, files, lang, room: options.room, current, clients });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve) => {
      clearInterval(timer);
      unsubscribe();
      reading.abort();
      options.signal.removeEventListener('abort', onAbort);
      for (const res of clients) res.end();
      clients.clear();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  };
  const onAbort = () => void close();
  if (options.signal.aborted) await close();
  else options.signal.addEventListener('abort', onAbort, { once: true });
  return { url: `http://${HOST}:${port}/`, close };
}

interface Context {
  port: number | undefined;
  files: PageFiles;
  lang: Lang;
  room: Room;
  current: () => WebBoard;
  clients: Set<ServerResponse>;
}

function handle(req: IncomingMessage, res: ServerResponse, ctx: Context): void {
  // A page elsewhere that renames itself to 127.0.0.1 (DNS rebinding) must not read the board.
  const allowed = [`${HOST}:${ctx.port}`, `localhost:${ctx.port}`];
  if (!allowed.includes(req.headers.host ?? '')) {
    send(res, 403, 'text/plain', 'Forbidden\n');
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'text/plain', 'Method not allowed\n');
  } else {
    const path = new URL(req.url ?? '/', `http://${HOST}`).pathname;
    if (path === '/events') openStream(req, res, ctx);
    else send(res, ...route(path, ctx));
  }
}

function route(path: string, ctx: Context): [status: number, type: string, body: string] {
  switch (path) {
    case '/':
    case '/index.html':
      return [200, 'text/html', page(ctx)];
    case '/board.css':
      return [200, 'text/css', ctx.files.css];
    case '/board.js':
      return [200, 'text/javascript', ctx.files.js];
    case '/board.json':
      return [200, 'application/json', JSON.stringify(ctx.current())];
    default:
      return [404, 'text/plain', 'Not found\n'];
  }
}

function page(ctx: Context): string {
  const board = ctx.current();
  return fillPage(ctx.files.html, {
    htmlLang: ctx.lang === 'zh' ? 'zh-CN' : 'en',
    pageTitle: board.pageTitle,
    title: board.title,
    room: board.room,
    connecting: t(ctx.lang, 'workshop.web.connecting'),
    lost: t(ctx.lang, 'workshop.web.lost'),
  });
}

function openStream(req: IncomingMessage, res: ServerResponse, ctx: Context): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.write('retry: 2000\n\n');
  res.write(sseFrame('board', JSON.stringify(ctx.current())));
  ctx.clients.add(res);
  req.on('close', () => ctx.clients.delete(res));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': `${type}; charset=utf-8`,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}
