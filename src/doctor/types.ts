/**
 * What the doctor found, as data: each probe is one question asked of the network or a broker,
 * with what it answered and how long it took. The verdict is worked out from these alone (see
 * verdict/), so it can be tested without a broker, and the front ends only render them.
 */

export type ProbeStatus = 'ok' | 'problem' | 'skipped';

/** The outcome of trying one permission (or existence) on its own. */
export type Allowed = 'allowed' | 'denied' | 'missing' | 'unknown';

/** What a port was heard to speak. */
export type Spoken = 'tls' | 'kafka' | 'remoting' | 'grpc' | 'http1' | 'silent' | 'other';

interface Base<K extends string, F> {
  kind: K;
  /** Where or about what: host:port, a topic, a group, a user. */
  target: string;
  status: ProbeStatus;
  ms?: number;
  /** In machine terms (codes, names, addresses); never a secret. */
  facts: F;
}

export type ParamsProbe = Base<'params', { missing: string[] }>;
/** The doctor's own time limit ran out before every probe had answered. */
export type DeadlineProbe = Base<'deadline', { limitMs: number }>;
export type DnsProbe = Base<'dns', { host: string; addresses: string[]; private: string[]; code?: string }>;
export type TcpProbe = Base<'tcp', { server: string; address: string; code?: string }>;
export type SpeaksProbe = Base<'speaks', { server: string; spoken: Spoken; expected: Spoken }>;
export type TlsProbe = Base<
  'tls',
  {
    server: string;
    /** The chain checked against the CA file (and the name, with checkHostname). */
    verified: boolean;
    code?: string;
    subject: string;
    issuer: string;
    validTo: string;
    altNames: string;
    caFile: string;
    caSubjects: string[];
    caProblem?: 'unreadable' | 'not-pem';
  }
>;
export type MechanismsProbe = Base<'mechanisms', { server: string; mechanisms: string[]; wanted: string }>;
export type LoginProbe = Base<
  'login',
  { server: string; user: string; code?: string; detail?: string; notSentBecause?: 'untrusted' }
>;
export type UsernameProbe = Base<'username', { user: string; instanceId?: string }>;
export type MetadataProbe = Base<
  'metadata',
  { server: string; brokers: { nodeId: number; address: string }[]; clusterId?: string }
>;
export type AdvertisedProbe = Base<'advertised', { nodeId: number; address: string; code?: string }>;
export type TopicProbe = Base<
  'topic',
  { topic: string; op: 'describe' | 'write' | 'read'; outcome: Allowed; code?: string; partitions?: number }
>;
export type GroupProbe = Base<
  'group',
  { group: string; op: 'describe' | 'read'; outcome: Allowed; code?: string; state?: string }
>;

// RocketMQ
export type RouteProbe = Base<
  'route',
  {
    topic: string;
    nameServer: string;
    brokers: { name: string; addresses: string[] }[];
    code?: string;
    /** A full TDMQ name the name server knows for a short one that has no route. */
    fullName?: string;
    registeredBrokers?: number;
  }
>;
export type BrokerProbe = Base<'broker', { name: string; address: string; code?: string }>;
export type KeysProbe = Base<
  'keys',
  { order: 'given' | 'swapped'; accepted: boolean; code?: string; detail?: string; via: 'remoting' | 'grpc' }
>;
export type PermissionProbe = Base<
  'permission',
  {
    resource: 'topic' | 'group';
    name: string;
    /** route: the gRPC proxy's route query, which needs some permission on the topic. */
    action: 'publish' | 'subscribe' | 'route';
    outcome: Allowed;
    code?: string;
    detail?: string;
    fullName?: string;
    via: 'remoting' | 'grpc';
  }
>;

export type Probe =
  | ParamsProbe
  | DeadlineProbe
  | DnsProbe
  | TcpProbe
  | SpeaksProbe
  | TlsProbe
  | MechanismsProbe
  | LoginProbe
  | UsernameProbe
  | MetadataProbe
  | AdvertisedProbe
  | TopicProbe
  | GroupProbe
  | RouteProbe
  | BrokerProbe
  | KeysProbe
  | PermissionProbe;

export type ProbeKind = Probe['kind'];

export type VerdictValues = Record<string, string | number>;

/** One line of evidence: a catalogue key (doctor.evidence.*) and its values. */
export interface Evidence {
  key: string;
  values: VerdictValues;
}

export interface Verdict {
  /** HEALTHY, or the most likely cause (doctor.verdict.<code> and doctor.fix.<code>). */
  code: string;
  values: VerdictValues;
  evidence: Evidence[];
  /** Other causes the probes also point to, less likely or further along the way. */
  also: { code: string; values: VerdictValues }[];
}

export type DoctorBroker = 'kafka' | 'rocketmq';

export interface DoctorReport {
  broker: DoctorBroker;
  /** The route the RocketMQ probes took (remoting through a name server, or gRPC). */
  route?: 'remoting' | 'grpc';
  startedAt: string;
  durationMs: number;
  probes: Probe[];
  verdict: Verdict;
}
