import { codeIs, messageMatches } from '../chain.js';
import type { DiagnoseContext, Rule } from './rule.js';

/**
 * host and port from "connect ECONNREFUSED 1.2.3.4:9092" or "getaddrinfo ENOTFOUND host", else from
 * the server an error names (a TLS check's handshake, kafkajs's broker), else the list's first.
 */
function target(chain: Record<string, unknown>[], context: DiagnoseContext): { host: string; port: string } {
  const named = chain.find((e) => typeof e.host === 'string' && e.host && e.port !== undefined);
  const broker = chain.find((e) => typeof e.broker === 'string' && /:\d+$/.test(e.broker));
  for (const e of chain) {
    const m = /(?:ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH)\s+([^\s]+):(\d+)/.exec(
      String(e.message ?? ''),
    );
    if (m) return { host: m[1] ?? '', port: m[2] ?? '' };
    const dns = /(?:ENOTFOUND|EAI_AGAIN)\s+([^\s]+)/.exec(String(e.message ?? ''));
    if (dns) return { host: dns[1] ?? '', port: '' };
  }
  if (named) return { host: String(named.host), port: String(named.port) };
  const first =
    (broker?.broker as string | undefined) ??
    (context.values.bootstrapServers ?? context.values.endpoints ?? '').split(/[,;]/)[0] ??
    '';
  const at = first.lastIndexOf(':');
  return { host: first.slice(0, at), port: first.slice(at + 1) };
}

const tls = (...codes: string[]) => codeIs(...codes);

/** Network and TLS failures as Node.js reports them, whichever client met them. */
export const netRules: Rule[] = [
  (chain, ctx) =>
    chain.some(codeIs('ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME'))
      ? { code: 'UNKNOWN_HOST', values: target(chain, ctx) }
      : undefined,
  (chain, ctx) =>
    chain.some(codeIs('ECONNREFUSED'))
      ? { code: 'CONNECTION_REFUSED', values: target(chain, ctx) }
      : undefined,
  (chain, ctx) =>
    chain.some(codeIs('EHOSTUNREACH', 'ENETUNREACH'))
      ? { code: 'NETWORK_UNREACHABLE', values: target(chain, ctx) }
      : undefined,
  (chain, ctx) =>
    chain.some(
      tls(
        'SELF_SIGNED_CERT_IN_CHAIN',
        'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
        'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
        'UNABLE_TO_GET_ISSUER_CERT',
        'DEPTH_ZERO_SELF_SIGNED_CERT',
        'CERT_UNTRUSTED',
        'CERT_SIGNATURE_FAILURE',
      ),
    )
      ? { code: 'TLS_UNTRUSTED_CA', values: { ...target(chain, ctx), file: ctx.values.caFile ?? '' } }
      : undefined,
  (chain, ctx) =>
    chain.some(tls('ERR_TLS_CERT_ALTNAME_INVALID'))
      ? { code: 'TLS_HOSTNAME_MISMATCH', values: { ...target(chain, ctx), detail: altnameDetail(chain) } }
      : undefined,
  (chain, ctx) =>
    chain.some(tls('CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID'))
      ? { code: 'TLS_CERT_EXPIRED', values: target(chain, ctx) }
      : undefined,
  (chain, ctx) =>
    chain.some(tls('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG')) ||
    chain.some(
      messageMatches(
        /wrong version number|disconnected before secure TLS connection|packet length too long/i,
      ),
    )
      ? { code: 'TLS_TO_PLAINTEXT_PORT', values: target(chain, ctx) }
      : undefined,
  (chain, ctx) =>
    chain.some(codeIs('ETIMEDOUT')) || chain.some(messageMatches(/connection timeout/i))
      ? { code: 'CONNECTION_TIMEOUT', values: target(chain, ctx) }
      : undefined,
  (chain, ctx) =>
    chain.some(codeIs('ECONNRESET', 'EPIPE'))
      ? { code: 'CONNECTION_DROPPED', values: target(chain, ctx) }
      : undefined,
];

function altnameDetail(chain: Record<string, unknown>[]): string {
  const e = chain.find(codeIs('ERR_TLS_CERT_ALTNAME_INVALID'));
  return String(e?.reason ?? e?.message ?? '');
}
