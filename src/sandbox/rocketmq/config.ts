/** Ports and names of the sandbox RocketMQ (DESIGN.md section 5). */
export const ROCKETMQ = {
  version: '5.3.3',
  namesrvPort: 9876,
  proxyPort: 8081,
  brokerPort: 10911,
  /** The broker's "fast" remoting twin (listenPort - 2) and its HA listener (listenPort + 1). */
  brokerFastPort: 10909,
  brokerHaPort: 10912,
  cluster: 'DefaultCluster',
  brokerName: 'broker-a',
  topic: 'tutorial-topic',
  /** A FIFO topic the learner may use, to show what a message-type mismatch looks like. */
  fifoTopic: 'tutorial-fifo-topic',
  /** The learner may use topics and groups whose names start with this (so a typo says "not found"). */
  learnerPrefix: 'tutorial-',
  group: 'tutorial-group',
  /**
   * A TDMQ 4.x-style namespace: its topic and group exist under their full names
   * (`cluster|namespace%name`), as the document's remoting SDK uses them.
   */
  namespace: 'rocketmq-sandbox|tutorial',
  /** Exists only as `namespace%tutorial-orders`: a short name for it finds no route. */
  fullOnlyTopic: 'tutorial-orders',
  /** Exists only as `namespace%tutorial-orders-group`. */
  fullOnlyGroup: 'tutorial-orders-group',
  /** They exist, but the learner may not use them: a permission denial, not a missing name. */
  restrictedTopic: 'restricted-topic',
  restrictedGroup: 'restricted-group',
  tag: 'TagA',
  keys: 'tutorial-key',
  /**
   * Broken on purpose, for `mq-tutor doctor` and troubleshooting practice: a topic the name server
   * routes to a broker that is not there (a small process of the sandbox registers it and keeps the
   * registration alive), as a cloud name server hands out a broker address private to its network.
   */
  deadRouteTopic: 'tutorial-dead-route',
  deadRouteBroker: 'broker-dead-route',
  deadRouteAddress: '127.0.0.2:10911',
} as const;

export const ROCKETMQ_PORTS = [
  ROCKETMQ.namesrvPort,
  ROCKETMQ.proxyPort,
  ROCKETMQ.brokerPort,
  ROCKETMQ.brokerFastPort,
  ROCKETMQ.brokerHaPort,
] as const;

const props = (entries: Record<string, string | number | boolean>) =>
  `${Object.entries(entries)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n')}\n`;

const forwardSlashes = (p: string) => p.replace(/\\/g, '/');

export function namesrvProperties(dataDir: string, listenPort: number = ROCKETMQ.namesrvPort): string {
  return props({
    listenPort,
    bindAddress: '127.0.0.1',
    kvConfigPath: forwardSlashes(`${dataDir}/kvConfig.json`),
    serverWorkerThreads: 2,
    serverSelectorThreads: 1,
    defaultThreadPoolNums: 4,
    clientRequestThreadPoolNums: 2,
  });
}

/** How long a send may wait in the sandbox broker's queue before it is refused as busy. */
export const SEND_QUEUE_WAIT_MS = 1000;

export interface AuthInput {
  adminAccessKey: string;
  adminSecretKey: string;
}

const AUTHN_PROVIDER = 'org.apache.rocketmq.auth.authentication.provider.DefaultAuthenticationProvider';
const AUTHZ_PROVIDER = 'org.apache.rocketmq.auth.authorization.provider.DefaultAuthorizationProvider';

/**
 * The broker that runs inside the proxy. It owns the ACL 2.0 store (users and permissions); small
 * mapped files keep the footprint low.
 */
export function brokerConf(storeDir: string, auth: AuthInput): string {
  return props({
    brokerClusterName: ROCKETMQ.cluster,
    brokerName: ROCKETMQ.brokerName,
    brokerId: 0,
    brokerRole: 'ASYNC_MASTER',
    flushDiskType: 'ASYNC_FLUSH',
    namesrvAddr: `127.0.0.1:${ROCKETMQ.namesrvPort}`,
    brokerIP1: '127.0.0.1',
    bindAddress: '127.0.0.1',
    listenPort: ROCKETMQ.brokerPort,
    autoCreateTopicEnable: false,
    autoCreateSubscriptionGroup: false,
    storePathRootDir: forwardSlashes(storeDir),
    storePathCommitLog: forwardSlashes(`${storeDir}/commitlog`),
    mappedFileSizeCommitLog: 16 * 1024 * 1024,
    mappedFileSizeConsumeQueue: 600_000,
    maxHashSlotNum: 50_000,
    maxIndexNum: 200_000,
    mappedFileSizeTimerLog: 4 * 1024 * 1024,
    timerMaxDelaySec: 86_400,
    // Flushing the timer wheel every second kept an idle sandbox at a tenth of a core.
    timerFlushIntervalMs: 10_000,
    // A room of thirty learners on two cores can keep the broker's send threads waiting longer than
    // the 200 ms after which it starts refusing sends as "broker busy".
    waitTimeMillsInSendQueue: SEND_QUEUE_WAIT_MS,
    warmMapedFileEnable: false,
    transientStorePoolEnable: false,
    diskMaxUsedSpaceRatio: 95,
    authenticationEnabled: true,
    authenticationProvider: AUTHN_PROVIDER,
    authenticationMetadataProvider:
      'org.apache.rocketmq.auth.authentication.provider.LocalAuthenticationMetadataProvider',
    authorizationEnabled: true,
    authorizationProvider: AUTHZ_PROVIDER,
    authorizationMetadataProvider:
      'org.apache.rocketmq.auth.authorization.provider.LocalAuthorizationMetadataProvider',
    initAuthenticationUser: JSON.stringify({ username: auth.adminAccessKey, password: auth.adminSecretKey }),
    innerClientAuthenticationCredentials: JSON.stringify({
      accessKey: auth.adminAccessKey,
      secretKey: auth.adminSecretKey,
    }),
  });
}

/** The proxy checks every gRPC request against the broker's ACL store. */
export function proxyJson(): string {
  return `${JSON.stringify(
    {
      proxyName: 'mq-tutor-proxy',
      rocketMQClusterName: ROCKETMQ.cluster,
      proxyMode: 'local',
      namesrvAddr: `127.0.0.1:${ROCKETMQ.namesrvPort}`,
      grpcServerPort: ROCKETMQ.proxyPort,
      // The proxy always starts a remoting server too; 0 lets it take any free port (8080 is often taken).
      remotingListenPort: 0,
      // Bounds how long a consumer's long poll holds the proxy, so clients shut down in seconds.
      grpcClientConsumerMaxLongPollingTimeoutMillis: 5000,
      grpcThreadPoolNums: 8,
      grpcWorkerLoopNum: 2,
      enablePrintJstack: false,
      authenticationEnabled: true,
      authenticationProvider: AUTHN_PROVIDER,
      authenticationMetadataProvider: 'org.apache.rocketmq.proxy.auth.ProxyAuthenticationMetadataProvider',
      authorizationEnabled: true,
      authorizationProvider: AUTHZ_PROVIDER,
      authorizationMetadataProvider: 'org.apache.rocketmq.proxy.auth.ProxyAuthorizationMetadataProvider',
    },
    null,
    2,
  )}\n`;
}

/** mqadmin reads the admin's credentials from $ROCKETMQ_HOME/conf/tools.yml. */
export function toolsYml(auth: AuthInput): string {
  return `accessKey: ${auth.adminAccessKey}\nsecretKey: ${auth.adminSecretKey}\n`;
}

export function jvmFlags(homeDir: string, logDir: string, logback: string, logName: string): string[] {
  return [
    '-Xss512k',
    '-XX:+UseSerialGC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:TieredStopAtLevel=1',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Duser.home=${homeDir}`,
    `-Drocketmq.home.dir=${homeDir}`,
    `-Drmq.logback.configurationFile=${logback}`,
    `-Dmqtutor.log.dir=${logDir}`,
    `-Dmqtutor.log.name=${logName}`,
  ];
}
