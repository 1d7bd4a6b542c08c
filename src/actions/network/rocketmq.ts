import { msg } from '../../i18n/index.js';
import type { HostPort } from '../../util/addresses.js';
import { endpointList, hostPort } from '../rocketmq/endpoints.js';
import { chosenProtocol, type Route, speaksAt } from '../rocketmq/route.js';
import { type ActionDefinition, type ParamValues, StepFailure } from '../types.js';
import { checkAll } from './check-all.js';

interface Input {
  addresses: HostPort[];
  protocol: Route | 'auto';
}

interface Spoken {
  server: string;
  /** What it answered as: remoting (a name server), grpc (a 5.x proxy), nothing at all, or neither. */
  route: Route | 'silent' | 'neither';
}

/**
 * Reachability of every address, then what each one really speaks: a remoting frame (a name
 * server, the document's route on a 4.x cluster) or HTTP/2 (a 5.x gRPC proxy). With protocol
 * `auto` that decides the route the later steps take; a chosen protocol the address does not
 * speak is a failure that says which one it is.
 */
export const action: ActionDefinition<Input> = {
  id: 'network.rocketmq',
  input: (params: ParamValues) => ({
    addresses: endpointList(params.endpoints),
    protocol: chosenProtocol(params),
  }),
  async run(input, ctx) {
    const servers = input.addresses.map(hostPort);
    const { results, failures } = await checkAll(servers, ctx);
    const spoken: Spoken[] = await Promise.all(
      results.map(async (r) => {
        const address = input.addresses[servers.indexOf(r.server)] as HostPort;
        const route = await speaksAt({ host: r.address || address.host, port: address.port }, ctx.signal);
        ctx.progress(msg(`network.progress.speaks.${route}`, { server: r.server }), {
          server: r.server,
          route,
        });
        return { server: r.server, route };
      }),
    );
    const wanted = input.protocol;
    const fits = spoken.filter((s) =>
      wanted === 'auto' ? s.route === 'remoting' || s.route === 'grpc' : s.route === wanted,
    );
    const route: Route | undefined = wanted === 'auto' ? (fits[0]?.route as Route | undefined) : wanted;
    const details = {
      servers: results,
      spoken,
      route: route ?? null,
      endpoints: servers.join(';'),
      failed: failures.map((f) => ({ host: f.host, port: f.port, code: f.code })),
    };
    if (fits.length === 0) {
      const first = spoken[0] as Spoken;
      const port = Number(first.server.slice(first.server.lastIndexOf(':') + 1));
      const endpoint = first.server;
      if (first.route === 'silent')
        throw new StepFailure({ code: 'RMQ_SILENT_ENDPOINT', values: { endpoint } }, details);
      if (wanted === 'grpc' && first.route === 'remoting')
        throw new StepFailure({ code: 'RMQ_NAMESERVER_PORT', values: { endpoint, port } }, details);
      if (wanted === 'grpc') throw new StepFailure({ code: 'RMQ_NOT_GRPC', values: { endpoint } }, details);
      if (wanted === 'remoting' && first.route === 'grpc')
        throw new StepFailure({ code: 'RMQ_GRPC_FOR_REMOTING', values: { endpoint } }, details);
      if (wanted === 'remoting')
        throw new StepFailure({ code: 'RMQ_NOT_NAMESERVER', values: { endpoint } }, details);
      throw new StepFailure({ code: 'RMQ_UNKNOWN_PROTOCOL', values: { endpoint } }, details);
    }
    const summary = msg(route === 'remoting' ? 'network.route.remoting' : 'network.route.grpc', {
      server: fits[0]?.server ?? '',
    });
    const mixed = spoken.some((s) => s.route !== route);
    if (failures.length > 0 || mixed) {
      return {
        status: 'warned',
        details,
        summary,
        notes: [
          msg('network.partial', { ok: fits.length, total: servers.length }),
          msg('network.partialNote'),
        ],
      };
    }
    return { status: 'passed', details, summary };
  },
};
