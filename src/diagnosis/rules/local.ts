import { CaFileError } from '../../actions/cert/pem.js';
import { BrokerLostError } from '../../actions/lost.js';
import { ProbeError } from '../../actions/network/probe.js';
import type { Rule } from './rule.js';

/** Failures found by mq-tutor's own checks, before or beside any client library. */
export const localRules: Rule[] = [
  (chain, ctx) =>
    chain.some((e) => e instanceof BrokerLostError)
      ? {
          code: 'BROKER_UNAVAILABLE',
          values: { servers: ctx.values.bootstrapServers ?? ctx.values.endpoints ?? '' },
        }
      : undefined,
  (chain) => {
    const e = chain.find((x) => x instanceof CaFileError) as CaFileError | undefined;
    if (!e) return undefined;
    return e.reason === 'unreadable'
      ? { code: 'CA_FILE_UNREADABLE', values: { file: e.file } }
      : { code: 'CA_FILE_INVALID', values: { file: e.file } };
  },
  (chain) => {
    const e = chain.find((x) => x instanceof ProbeError) as ProbeError | undefined;
    if (!e) return undefined;
    const values = { host: e.host, port: e.port };
    if (e.stage === 'dns') return { code: 'UNKNOWN_HOST', values };
    if (e.code === 'ECONNREFUSED') return { code: 'CONNECTION_REFUSED', values };
    if (e.code === 'ETIMEDOUT') return { code: 'CONNECTION_TIMEOUT', values };
    if (e.code === 'EHOSTUNREACH' || e.code === 'ENETUNREACH') return { code: 'NETWORK_UNREACHABLE', values };
    return undefined;
  },
];
