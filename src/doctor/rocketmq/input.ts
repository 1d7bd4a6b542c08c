import { type RocketmqConnection, rocketmqConnection, shortName } from '../../actions/rocketmq/connection.js';
import { endpointList } from '../../actions/rocketmq/endpoints.js';
import { type RemotingTarget, remotingTarget } from '../../actions/rocketmq/remoting-connection.js';
import { chosenProtocol, type Route } from '../../actions/rocketmq/route.js';
import type { HostPort } from '../../util/addresses.js';

/** The tutorial's parameters as the RocketMQ probes need them, resolved as the steps resolve them. */
export interface RocketmqDoctorInput {
  addresses: HostPort[];
  protocol: Route | 'auto';
  /** Names as a remoting client sends them (full TDMQ names), with the keys. */
  remoting: RemotingTarget;
  /** Short names and the namespace apart, as the gRPC client takes them. */
  grpc: { connection: RocketmqConnection; topic: string; group: string };
}

export function rocketmqDoctorInput(
  values: Readonly<Record<string, string | undefined>>,
): RocketmqDoctorInput {
  const params = values as Record<string, string>;
  return {
    addresses: endpointList(params.endpoints),
    protocol: chosenProtocol(params),
    remoting: remotingTarget(params),
    grpc: {
      connection: rocketmqConnection(params),
      topic: shortName(params, 'topic'),
      group: shortName(params, 'group'),
    },
  };
}
