import { fullName, normalize } from '../../naming/tdmq.js';
import type { Credentials } from '../../remoting/acl.js';
import type { HostPort } from '../../util/addresses.js';
import type { ParamValues } from '../types.js';
import { splitKeys } from './connection.js';
import { endpointList } from './endpoints.js';

/**
 * What the remoting route needs: the name servers, the role's keys, and names as the broker knows
 * them. A remoting client sends the full TDMQ name (`cluster|namespace%name`) itself; the gRPC
 * client passes the namespace apart. An open-source broker (no namespace) uses the name as given.
 */
export interface RemotingTarget {
  nameServers: HostPort[];
  credentials: Credentials;
  topic: string;
  group: string;
  /** The document's SDK sends in a producer group; the consumer group unless one is given. */
  producerGroup: string;
  tag: string;
  keys: string[];
  /** As the user gave the topic: short (with no namespace) or full. */
  shortTopic: boolean;
}

function brokerName(params: ParamValues, key: 'topic' | 'group' | 'producerGroup'): string {
  const n = normalize(params.namespace ?? '', params[key] ?? '');
  return fullName(n.namespace, n.name);
}

export function remotingTarget(params: ParamValues): RemotingTarget {
  const topic = brokerName(params, 'topic');
  const group = brokerName(params, 'group');
  return {
    nameServers: endpointList(params.endpoints),
    credentials: { accessKey: params.accessKey ?? '', secretKey: params.secretKey ?? '' },
    topic,
    group,
    producerGroup: params.producerGroup ? brokerName(params, 'producerGroup') : group,
    tag: params.tag?.trim() || '*',
    keys: splitKeys(params.keys),
    shortTopic: !topic.includes('%'),
  };
}

export const REMOTING_TIMEOUT_MS = 8000;
