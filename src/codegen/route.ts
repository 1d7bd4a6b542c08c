import { endpointList } from '../actions/rocketmq/endpoints.js';
import { chosenProtocol, type Route, routeFound } from '../actions/rocketmq/route.js';
import type { ParamValues } from '../engine/contract.js';
import type { Tutorial } from '../engine/types.js';

export type { Route } from '../actions/rocketmq/route.js';

/** What the tutorial's network step recorded (its result's details), if it ran. */
export type NetworkFinding = Readonly<Record<string, unknown>>;

const NAME_SERVER_PORT = 9876;

/** A console prints a 4.x name server as http://host:9876; a 5.x gRPC endpoint as host:8080 or 8081. */
function looksLikeNameServer(endpoints: string | undefined): boolean {
  const written = /^\s*https?:\/\//i.test(endpoints ?? '');
  return written || endpointList(endpoints).some((a) => a.port === NAME_SERVER_PORT);
}

/**
 * The route the generated TypeScript takes, as a run would: the protocol asked for; else what the
 * network step found for these addresses; else what the address looks like, since nothing is asked
 * of the network while code is written.
 */
export function codeRoute(values: ParamValues, network?: NetworkFinding): Route {
  const chosen = chosenProtocol(values);
  if (chosen !== 'auto') return chosen;
  return routeFound(values, network) ?? (looksLikeNameServer(values.endpoints) ? 'remoting' : 'grpc');
}

/** The step that runs the RocketMQ network check, whose result `codeRoute` reads. */
export function networkStepId(tutorial: Tutorial): string | undefined {
  return tutorial.steps.find((s) => s.action === 'network.rocketmq')?.id;
}
