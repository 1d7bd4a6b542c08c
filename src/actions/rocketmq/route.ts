import { detectProtocol } from '../../remoting/detect.js';
import type { HostPort } from '../../util/addresses.js';
import type { ActionContext, ActionDefinition, ParamValues } from '../types.js';
import { endpointList, endpointText } from './endpoints.js';

/**
 * The two ways to a RocketMQ cluster: `remoting`, through the name server, as the document's
 * Python SDK and every 4.x cluster; `grpc`, straight to a 5.x proxy. The `protocol` parameter
 * chooses one, or `auto` lets the address decide.
 */
export type Route = 'remoting' | 'grpc';

export function chosenProtocol(params: ParamValues): Route | 'auto' {
  const p = params.protocol;
  return p === 'remoting' || p === 'grpc' ? p : 'auto';
}

/** What one address speaks: a route, `silent` (accepts, says nothing), or `neither`. */
export async function speaksAt(
  address: HostPort,
  signal: AbortSignal,
): Promise<Route | 'silent' | 'neither'> {
  const found = await detectProtocol(address.host, address.port, { signal });
  if (found.protocol === 'remoting') return 'remoting';
  if (found.protocol === 'http2') return 'grpc';
  return found.protocol === 'silent' && !found.hungUp ? 'silent' : 'neither';
}

/** What one address speaks, as far as the route goes; undefined when it answered neither way. */
export async function routeAt(address: HostPort, signal: AbortSignal): Promise<Route | undefined> {
  const spoken = await speaksAt(address, signal);
  return spoken === 'remoting' || spoken === 'grpc' ? spoken : undefined;
}

/** The route the network step found, when it checked these very addresses. */
export function routeFound(
  params: ParamValues,
  network: Readonly<Record<string, unknown>> | undefined,
): Route | undefined {
  const route = network?.route;
  if ((route !== 'remoting' && route !== 'grpc') || network?.endpoints !== endpointText(params.endpoints))
    return undefined;
  return route;
}

/**
 * The route a step takes: the one asked for; else what the network step found out for these
 * addresses; else what the first address that answers speaks (a step run on its own, --step). An
 * address that answers neither way is left to the gRPC client, whose error then says what it is.
 */
export async function routeOf(params: ParamValues, ctx: ActionContext): Promise<Route> {
  const chosen = chosenProtocol(params);
  if (chosen !== 'auto') return chosen;
  const found = routeFound(params, ctx.resultOf('network.rocketmq')?.details);
  if (found) return found;
  for (const address of endpointList(params.endpoints)) {
    const route = await routeAt(address, ctx.signal).catch(() => undefined);
    if (route) return route;
  }
  return 'grpc';
}

/**
 * One step, either route: the action the catalogue knows picks the route (routeOf) and runs the
 * route's own implementation; the result says which route it took.
 */
export function byRoute(
  id: string,
  // biome-ignore lint/suspicious/noExplicitAny: each route has its own input type
  routes: Record<Route, ActionDefinition<any>>,
): ActionDefinition<{ params: ParamValues; args: Readonly<Record<string, string>> }> {
  return {
    id,
    input: (params, args) => ({ params, args }),
    async run({ params, args }, ctx) {
      const route = await routeOf(params, ctx);
      const chosen = routes[route];
      const outcome = await chosen.run(chosen.input(params, args), ctx);
      return { ...outcome, details: { ...outcome.details, route } };
    },
  };
}
