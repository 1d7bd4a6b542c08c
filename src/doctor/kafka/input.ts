import { splitHostPorts } from '../../engine/params.js';

/** The tutorial's parameters as the Kafka probes need them (the same names as the Kafka actions read). */
export interface KafkaDoctorInput {
  servers: string[];
  securityProtocol: 'SASL_PLAINTEXT' | 'SASL_SSL';
  mechanism: string;
  username: string;
  password: string;
  caFile: string;
  checkHostname: boolean;
  topic: string;
  group: string;
}

export function kafkaDoctorInput(values: Readonly<Record<string, string | undefined>>): KafkaDoctorInput {
  const securityProtocol = values.securityProtocol === 'SASL_SSL' ? 'SASL_SSL' : 'SASL_PLAINTEXT';
  return {
    servers: splitHostPorts(values.bootstrapServers ?? ''),
    securityProtocol,
    mechanism: values.saslMechanism || 'PLAIN',
    username: values.username ?? '',
    password: values.password ?? '',
    caFile: securityProtocol === 'SASL_SSL' ? (values.caFile ?? '') : '',
    checkHostname: (values.checkHostname ?? 'false').toLowerCase() === 'true',
    topic: values.topic ?? '',
    group: values.groupId ?? '',
  };
}

/** "host:port" → host and port; IPv6 in brackets. */
export function splitServer(server: string): { host: string; port: number } {
  const at = server.lastIndexOf(':');
  return { host: server.slice(0, at).replace(/^\[(.*)\]$/, '$1'), port: Number(server.slice(at + 1)) };
}
