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
  tag: 'TagA',
  keys: 'tutorial-key',
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

export function namesrvProperties(dataDir: string): string {
  return props({
    listenPort: ROCKETMQ.namesrvPort,
    bindAddress: '127.0.0.1',
    kvConfigPath: forwardSlashes(`${dataDir}/kvConfig.json`),
    serverWorkerThreads: 2,
    serverSelectorThreads: 1,
    defaultThreadPoolNums: 4,
    clientRequestThreadPoolNums: 2,
  });
}

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
