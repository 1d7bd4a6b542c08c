/**
 * TDMQ for RocketMQ names. A namespace's full name is the cluster ID, `|`, and the namespace
 * (rocketmq-xxx|namespace_python); a topic's or group's full name is the namespace's full name, `%`,
 * and the short name (rocketmq-xxx|namespace_python%topic1). The remoting SDKs (the document's
 * Python SDK) want the full names; the gRPC clients take the namespace apart and the short names.
 */

const CLUSTER = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const SHORT = /^[A-Za-z0-9_-]{1,64}$/;

export interface TdmqName {
  namespace: string;
  name: string;
}

export function fullNamespace(clusterId: string, namespace: string): string {
  return clusterId ? `${clusterId}|${namespace}` : namespace;
}

/** `namespace%name`, or just `name` when there is no namespace (an open-source broker). */
export function fullName(namespace: string, name: string): string {
  return namespace ? `${namespace}%${name}` : name;
}

/** Splits `rocketmq-xxx|ns%topic1` into its namespace and short name. */
export function splitFullName(value: string): TdmqName {
  const at = value.lastIndexOf('%');
  return at < 0
    ? { namespace: '', name: value }
    : { namespace: value.slice(0, at), name: value.slice(at + 1) };
}

export type NameProblem = 'empty' | 'bad-characters' | 'namespace-mismatch' | 'bad-cluster';

/** Checks a short name (topic or group) as TDMQ accepts it. */
export function checkShortName(name: string): NameProblem | undefined {
  if (!name) return 'empty';
  return SHORT.test(name) ? undefined : 'bad-characters';
}

/** Checks a namespace full name `clusterId|namespace` (or a bare namespace on open-source RocketMQ). */
export function checkNamespace(value: string): NameProblem | undefined {
  if (!value) return undefined;
  const [cluster, ns, ...rest] = value.split('|');
  if (rest.length > 0) return 'bad-characters';
  if (ns === undefined) return checkShortName(cluster ?? '');
  if (!CLUSTER.test(cluster ?? '')) return 'bad-cluster';
  return checkShortName(ns);
}

/**
 * Accepts a topic or group given either short or full. A full name's namespace must agree with the
 * namespace parameter when both are given; returns what the gRPC client needs.
 */
export function normalize(
  namespace: string,
  value: string,
): { namespace: string; name: string; problem?: NameProblem } {
  const split = splitFullName(value);
  if (!split.namespace) return { namespace, name: value, problem: checkShortName(value) };
  if (namespace && namespace !== split.namespace)
    return { namespace, name: split.name, problem: 'namespace-mismatch' };
  return {
    namespace: split.namespace,
    name: split.name,
    problem: checkShortName(split.name) ?? checkNamespace(split.namespace),
  };
}
