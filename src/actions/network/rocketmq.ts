import { splitHostPorts } from '../../engine/params.js';
import { msg } from '../../i18n/index.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { checkAll } from './check-all.js';
import { speaksHttp2, splitHostPort } from './probe.js';

interface Input {
  endpoints: string[];
}

/** The usual name server port of RocketMQ's remoting protocol, which the gRPC clients cannot use. */
const NAME_SERVER_PORT = 9876;

export const action: ActionDefinition<Input> = {
  id: 'network.rocketmq',
  input: (params: ParamValues) => ({ endpoints: splitHostPorts(params.endpoints ?? '') }),
  async run(input, ctx) {
    const { results, failures } = await checkAll(input.endpoints, ctx);
    const grpc: { server: string; http2: boolean }[] = [];
    for (const r of results) {
      const { host, port } = splitHostPort(r.server);
      const http2 = await speaksHttp2(r.address || host, port, 3000);
      grpc.push({ server: r.server, http2 });
      ctx.progress(msg(http2 ? 'network.progress.grpcYes' : 'network.progress.grpcNo', { server: r.server }));
    }
    const details = {
      servers: results,
      grpc,
      failed: failures.map((f) => ({ host: f.host, port: f.port, code: f.code })),
    };
    const notGrpc = grpc.filter((g) => !g.http2);
    if (notGrpc.length > 0 && notGrpc.length === grpc.length) {
      const first = notGrpc[0]?.server ?? '';
      const { port } = splitHostPort(first);
      throw new StepFailure(
        {
          code: port === NAME_SERVER_PORT ? 'RMQ_NAMESERVER_PORT' : 'RMQ_NOT_GRPC',
          values: { endpoint: first, port },
        },
        details,
      );
    }
    if (failures.length > 0 || notGrpc.length > 0) {
      return {
        status: 'warned',
        details,
        summary: msg('network.partial', {
          ok: results.length - notGrpc.length,
          total: input.endpoints.length,
        }),
        notes: [msg('network.partialNote')],
      };
    }
    return { status: 'passed', details, summary: msg('network.okGrpc', { count: results.length }) };
  },
};
