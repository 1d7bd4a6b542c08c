import type { Localized } from '../lang.js';

/** `sandbox status`: the parts of the sandbox that are broken on purpose. */
export const sandboxCornerMessages = {
  'sandbox.corners.heading': {
    en: 'Broken on purpose, on loopback (for `mq-tutor doctor` and troubleshooting practice):',
    zh: '故意设置的故障点（均在本机回环地址上，供 `mq-tutor doctor` 和排障练习使用）：',
  },
  'sandbox.corners.misadvertised': {
    en: 'Kafka SASL_PLAINTEXT localhost:{port} accepts the login, then advertises {advertised}, where nothing listens. Try: mq-tutor doctor ckafka --sandbox --set securityProtocol=SASL_PLAINTEXT --set bootstrapServers=localhost:{port}',
    zh: 'Kafka SASL_PLAINTEXT localhost:{port} 接受登录，但下发的 Broker 地址是 {advertised}，那里没有服务在监听。试试：mq-tutor doctor ckafka --sandbox --set securityProtocol=SASL_PLAINTEXT --set bootstrapServers=localhost:{port}',
  },
  'sandbox.corners.untrusted': {
    en: 'Kafka SASL_SSL localhost:{port} presents a certificate that no sandbox CA signed. Try: mq-tutor doctor ckafka --sandbox --set bootstrapServers=localhost:{port}',
    zh: 'Kafka SASL_SSL localhost:{port} 出示的证书不是沙箱 CA 签发的。试试：mq-tutor doctor ckafka --sandbox --set bootstrapServers=localhost:{port}',
  },
  'sandbox.corners.deadRoute': {
    en: 'RocketMQ: the name server routes the topic {topic} to broker {broker} at {address}, which is not there. Try: mq-tutor doctor rocketmq --sandbox --set protocol=remoting --set topic={topic}',
    zh: 'RocketMQ：NameServer 把 Topic {topic} 路由到 Broker {broker}（{address}），而该地址上没有 Broker。试试：mq-tutor doctor rocketmq --sandbox --set protocol=remoting --set topic={topic}',
  },
  'sandbox.corners.holder': {
    en: '(the registration is kept alive by process {pid})',
    zh: '（该注册由进程 {pid} 维持）',
  },
  'sandbox.corners.inactive.kafka': {
    en: '(not in place: the broker is stopped, or was started before these corners existed; `mq-tutor sandbox down` then `mq-tutor sandbox up` puts them in place)',
    zh: '（当前未生效：服务已停止，或是在加入这些故障点之前启动的；先运行 `mq-tutor sandbox down` 再运行 `mq-tutor sandbox up` 即可生效）',
  },
  'sandbox.corners.inactive.rocketmq': {
    en: '(not in place: RocketMQ is stopped, or its holder is not running; `mq-tutor sandbox up` starts it)',
    zh: '（当前未生效：RocketMQ 已停止，或维持该注册的进程未运行；运行 `mq-tutor sandbox up` 即可启动）',
  },
} satisfies Record<string, Localized>;
