import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { splitHostPorts } from '../../engine/params.js';
import { msg } from '../../i18n/index.js';
import { splitHostPort } from '../network/probe.js';
import { reachableServers, unreachableNote } from '../network/reachable.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { CaFileError, parseCaPem, validityAt } from './pem.js';

interface Input {
  servers: string[];
  caFile: string;
  checkHostname: boolean;
}

// The TCP connection has already answered by then: the handshake is only slow on a starved machine
// (a room of thirty on two cores took over 6 s once), so it gets most of the step's 20 s.
const HANDSHAKE_TIMEOUT_MS = 12_000;

export interface HandshakeResult {
  protocol: string | null;
  cipher: string;
  peerSubject: string;
  peerIssuer: string;
  subjectAltName: string;
  peerValidTo: string;
}

/** A real TLS handshake with the broker, trusting only the given CA. */
export function handshake(
  server: string,
  ca: string,
  checkHostname: boolean,
  signal: AbortSignal,
): Promise<HandshakeResult> {
  const { host, port } = splitHostPort(server);
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      ca,
      servername: /^[\d.]+$|:/.test(host) ? undefined : host,
      rejectUnauthorized: true,
      checkServerIdentity: checkHostname ? tls.checkServerIdentity : () => undefined,
      timeout: HANDSHAKE_TIMEOUT_MS,
    });
    // The server goes with the error, so that a diagnosis names the one that failed, not the list's first.
    const fail = (error: Error) => {
      socket.destroy();
      signal.removeEventListener('abort', onAbort);
      reject(Object.assign(error, { host, port }));
    };
    const onAbort = () => fail(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('timeout', () =>
      fail(Object.assign(new Error(`TLS handshake with ${server} timed out`), { code: 'ETIMEDOUT' })),
    );
    socket.once('error', fail);
    socket.once('secureConnect', () => {
      const peer = socket.getPeerCertificate();
      const result: HandshakeResult = {
        protocol: socket.getProtocol(),
        cipher: socket.getCipher().name,
        peerSubject: Object.entries(peer.subject ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
        peerIssuer: Object.entries(peer.issuer ?? {})
          .map(([k, v]) => `${k}=${v}`)
          .join(', '),
        subjectAltName: peer.subjectaltname ?? '',
        peerValidTo: peer.valid_to ? new Date(peer.valid_to).toISOString() : '',
      };
      signal.removeEventListener('abort', onAbort);
      socket.end();
      socket.destroy();
      resolve(result);
    });
  });
}

export const action: ActionDefinition<Input> = {
  id: 'cert.check',
  input: (params: ParamValues) => ({
    servers: splitHostPorts(params.bootstrapServers ?? ''),
    caFile: params.caFile ?? '',
    checkHostname: (params.checkHostname ?? 'false').toLowerCase() === 'true',
  }),
  async run(input, ctx) {
    let text: string;
    try {
      text = readFileSync(input.caFile, 'utf8');
    } catch {
      throw new CaFileError('unreadable', input.caFile);
    }
    const { pem, certificates } = parseCaPem(text, input.caFile);
    const now = new Date();
    for (const cert of certificates) {
      ctx.progress(
        msg('cert.progress.parsed', {
          subject: cert.subject,
          from: cert.validFrom.slice(0, 10),
          to: cert.validTo.slice(0, 10),
        }),
        { cert },
      );
    }
    // A bundle with one stale certificate among many still works; a file with none valid does not.
    const expired = certificates.every((c) => validityAt(c, now) !== 'valid') ? certificates[0] : undefined;
    if (expired) {
      throw new StepFailure(
        validityAt(expired, now) === 'expired'
          ? {
              code: 'CA_EXPIRED',
              values: { subject: expired.subject, to: expired.validTo, file: input.caFile },
            }
          : { code: 'CA_NOT_YET_VALID', values: { from: expired.validFrom, file: input.caFile } },
        { certificates },
      );
    }
    // Like a client, the handshake is with the first server of the list that answers.
    const reachable = await reachableServers(input.servers, ctx);
    const server = reachable.servers[0] ?? '';
    ctx.progress(msg('cert.progress.handshake', { server, hostname: input.checkHostname ? 'on' : 'off' }));
    const result = await handshake(server, pem, input.checkHostname, ctx.signal);
    const notes = unreachableNote(reachable, server);
    if (certificates.some((c) => !c.isCa)) notes.push(msg('cert.note.notCa'));
    const daysLeft = Math.floor((Date.parse(certificates[0]?.validTo ?? '') - now.getTime()) / 86_400_000);
    if (daysLeft < 30) notes.push(msg('cert.note.expiresSoon', { days: daysLeft }));
    return {
      status: notes.length > 0 ? 'warned' : 'passed',
      details: {
        caFile: input.caFile,
        certificates,
        server,
        unreachable: reachable.dead,
        checkHostname: input.checkHostname,
        handshake: result,
      },
      summary: msg('cert.ok', {
        server,
        protocol: result.protocol ?? 'TLS',
        subject: result.peerSubject,
      }),
      notes,
    };
  },
};
