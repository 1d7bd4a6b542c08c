import { msg } from '../../i18n/index.js';
import type { ActionContext } from '../types.js';
import { type ProbeError, type ProbeResult, probe } from './probe.js';

const TCP_TIMEOUT_MS = 5000;

export interface ProbeSummary {
  server: string;
  address: string;
  dnsMs: number;
  tcpMs: number;
}

/**
 * Probes every server in parallel and reports each as it answers. Throws the first failure when no
 * server answers at all; returns the failures otherwise (a client needs only one bootstrap server).
 */
export async function checkAll(
  servers: string[],
  ctx: ActionContext,
): Promise<{ results: ProbeSummary[]; failures: ProbeError[] }> {
  const outcomes = await Promise.all(
    servers.map(async (server) => {
      try {
        const r: ProbeResult = await probe(server, TCP_TIMEOUT_MS, ctx.signal);
        const summary = {
          server,
          address: r.address,
          dnsMs: Math.round(r.dnsMs),
          tcpMs: Math.round(r.tcpMs),
        };
        ctx.progress(
          msg('network.progress.ok', {
            server,
            address: r.address,
            dnsMs: summary.dnsMs,
            tcpMs: summary.tcpMs,
          }),
          summary,
        );
        return summary;
      } catch (error) {
        ctx.progress(msg('network.progress.failed', { server, code: (error as ProbeError).code ?? 'ERROR' }));
        return error as ProbeError;
      }
    }),
  );
  const results = outcomes.filter((o): o is ProbeSummary => !(o instanceof Error));
  const failures = outcomes.filter((o): o is ProbeError => o instanceof Error);
  if (results.length === 0 && failures[0]) throw failures[0];
  return { results, failures };
}
