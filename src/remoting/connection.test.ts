import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from './acl.js';
import { RemotingConnection } from './connection.js';
import { NotRemotingError, RemotingConnectionError, RemotingTimeoutError } from './errors.js';
import { encodeFrame, FLAG_ONEWAY, FLAG_RESPONSE, FrameReader, type RemotingCommand } from './frame.js';

/**
 * The connection's own mechanics against a loopback peer that speaks frames: matching by opaque,
 * server-initiated requests, oneway, timeouts and closing. What a broker answers is tested live.
 */
interface Peer {
  port: number;
  received: RemotingCommand[];
  sockets: net.Socket[];
  close: () => Promise<void>;
}

const peers: Peer[] = [];
afterEach(async () => {
  await Promise.all(peers.splice(0).map((p) => p.close()));
});

function peer(onFrame: (frame: RemotingCommand, socket: net.Socket) => void): Promise<Peer> {
  const received: RemotingCommand[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    const reader = new FrameReader();
    socket.on('data', (chunk) => {
      for (const frame of reader.push(chunk)) {
        received.push(frame);
        onFrame(frame, socket);
      }
    });
    socket.on('error', () => {});
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const p = {
        port: (server.address() as net.AddressInfo).port,
        received,
        sockets,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      };
      peers.push(p);
      resolve(p);
    }),
  );
}

const reply = (to: RemotingCommand, over: Partial<RemotingCommand> = {}): Buffer =>
  encodeFrame({
    code: 0,
    language: 'JAVA',
    version: 479,
    opaque: to.opaque,
    flag: FLAG_RESPONSE,
    extFields: {},
    body: Buffer.alloc(0),
    ...over,
  });

describe('RemotingConnection', () => {
  it('matches responses to requests by opaque, whatever order they come back in', async () => {
    const held: [RemotingCommand, net.Socket][] = [];
    const p = await peer((frame, socket) => {
      held.push([frame, socket]);
      if (held.length === 3)
        for (const [f, s] of held.reverse()) s.write(reply(f, { body: Buffer.from(f.extFields.n ?? '') }));
    });
    const c = await RemotingConnection.open('127.0.0.1', p.port);
    const answers = await Promise.all(['a', 'b', 'c'].map((n) => c.request({ code: 11, extFields: { n } })));
    expect(answers.map((a) => a.body.toString())).toEqual(['a', 'b', 'c']);
    expect(new Set(p.received.map((f) => f.opaque)).size).toBe(3);
    c.close();
  });

  it('sends fields as strings, drops undefined ones, and signs when given credentials', async () => {
    const p = await peer((frame, socket) => socket.write(reply(frame)));
    const credentials = { accessKey: 'ak', secretKey: 'sk' };
    const c = await RemotingConnection.open('127.0.0.1', p.port, { credentials });
    await c.request({
      code: 310,
      extFields: { a: 'g', e: 1, k: false, x: undefined },
      body: Buffer.from('hi'),
    });
    const sent = p.received[0]!;
    expect(sent.extFields).toEqual(
      signRequest({ a: 'g', e: '1', k: 'false' }, Buffer.from('hi'), credentials),
    );
    expect(sent.body.toString()).toBe('hi');
    c.close();
  });

  it('answers a server request through the handler, and only announces a oneway one', async () => {
    const answers: RemotingCommand[] = [];
    const p = await peer((frame) => {
      if (frame.flag & FLAG_RESPONSE) answers.push(frame);
    });
    const seen: number[] = [];
    const c = await RemotingConnection.open('127.0.0.1', p.port, {
      onServerRequest: (request) => {
        seen.push(request.code);
        return request.code === 307 ? { code: 0, body: Buffer.from('info') } : undefined;
      },
    });
    const push = (code: number, opaque: number, flag = 0) =>
      p.sockets[0]!.write(
        encodeFrame({
          code,
          language: 'JAVA',
          version: 0,
          opaque,
          flag,
          extFields: {},
          body: Buffer.alloc(0),
        }),
      );
    await new Promise((r) => setTimeout(r, 50));
    push(40, 900, FLAG_ONEWAY);
    push(307, 901);
    push(309, 902);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toEqual([40, 307, 309]);
    expect(answers.map((a) => [a.opaque, a.code, a.body.toString()])).toEqual([
      [901, 0, 'info'],
      [902, 3, ''],
    ]);
    c.close();
  });

  it('writes oneway requests with the oneway flag and expects nothing back', async () => {
    const p = await peer(() => {});
    const c = await RemotingConnection.open('127.0.0.1', p.port);
    await c.oneway({ code: 15, extFields: { commitOffset: 3 } });
    await new Promise((r) => setTimeout(r, 50));
    expect(p.received[0]).toMatchObject({ code: 15, flag: FLAG_ONEWAY, extFields: { commitOffset: '3' } });
    c.close();
  });

  it('times out one request without harming the next', async () => {
    let first = true;
    const p = await peer((frame, socket) => {
      if (!first) socket.write(reply(frame));
      first = false;
    });
    const c = await RemotingConnection.open('127.0.0.1', p.port);
    await expect(c.request({ code: 11 }, { timeoutMs: 50 })).rejects.toBeInstanceOf(RemotingTimeoutError);
    await expect(c.request({ code: 11 })).resolves.toMatchObject({ code: 0 });
    c.close();
  });

  it('fails requests in flight when the peer hangs up, or sends something that is not a frame', async () => {
    const p = await peer((_frame, socket) => socket.destroy());
    const c = await RemotingConnection.open('127.0.0.1', p.port);
    const closedEvents: unknown[] = [];
    c.onClose((e) => closedEvents.push(e));
    const e = await c.request({ code: 11 }).catch((error) => error);
    expect(e).toBeInstanceOf(RemotingConnectionError);
    expect(c.closed).toBe(true);
    expect(closedEvents).toHaveLength(1);
    await expect(c.request({ code: 11 })).rejects.toBeInstanceOf(RemotingConnectionError);

    const g = await peer((_frame, socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n'));
    const c2 = await RemotingConnection.open('127.0.0.1', g.port);
    const notRemoting = await c2.request({ code: 11 }).catch((error) => error);
    expect(notRemoting).toBeInstanceOf(NotRemotingError);
    expect((notRemoting as NotRemotingError).firstBytes.toString()).toContain('SSH-2.0');
  });

  it('closes with its own signal, and refuses to start on an aborted one', async () => {
    const p = await peer(() => {});
    const abort = new AbortController();
    const c = await RemotingConnection.open('127.0.0.1', p.port, { signal: abort.signal });
    const pending = c.request({ code: 11 }, { timeoutMs: 5000 }).catch((error) => error);
    abort.abort();
    expect(await pending).toMatchObject({ code: 'CONNECTION_CLOSED' });
    await expect(
      RemotingConnection.open('127.0.0.1', p.port, { signal: abort.signal }),
    ).rejects.toBeDefined();
  });
});
