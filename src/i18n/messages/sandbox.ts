import type { Localized } from '../lang.js';

export const sandboxMessages = {
  'sandbox.usage': {
    en: 'Usage: mq-tutor sandbox up|down|status|env',
    zh: '用法：mq-tutor sandbox up|down|status|env',
  },
  'sandbox.phase.kafka.classpath': {
    en: 'Kafka {version}: assembling the broker from Maven Central (downloads only the first time)…',
    zh: 'Kafka {version}：正在从 Maven Central 组装服务端（仅首次需要下载）……',
  },
  'sandbox.phase.kafka.certificates': {
    en: 'Kafka: preparing the sandbox CA and the broker certificate (CARoot.pem)…',
    zh: 'Kafka：正在准备沙箱 CA 与服务端证书（CARoot.pem）……',
  },
  'sandbox.phase.kafka.format': {
    en: 'Kafka: formatting the storage (KRaft) for the first start…',
    zh: 'Kafka：首次启动，正在格式化存储（KRaft）……',
  },
  'sandbox.phase.kafka.start': { en: 'Kafka: starting…', zh: 'Kafka：正在启动……' },
  'sandbox.phase.kafka.ready': {
    en: 'Kafka: waiting until the broker answers requests…',
    zh: 'Kafka：等待服务端开始响应请求……',
  },
  'sandbox.phase.kafka.provision': {
    en: 'Kafka: creating topics and the learner’s ACLs…',
    zh: 'Kafka：正在创建 Topic 和学员的 ACL……',
  },
  'sandbox.phase.rocketmq.classpath': {
    en: 'RocketMQ {version}: assembling the name server and proxy from Maven Central (downloads only the first time)…',
    zh: 'RocketMQ {version}：正在从 Maven Central 组装 NameServer 与 Proxy（仅首次需要下载）……',
  },
  'sandbox.phase.rocketmq.namesrv': {
    en: 'RocketMQ: starting the name server…',
    zh: 'RocketMQ：正在启动 NameServer……',
  },
  'sandbox.phase.rocketmq.proxy': {
    en: 'RocketMQ: starting the proxy with its in-process broker…',
    zh: 'RocketMQ：正在启动 Proxy（内嵌 Broker）……',
  },
  'sandbox.phase.rocketmq.ready': {
    en: 'RocketMQ: waiting until the gRPC proxy answers requests…',
    zh: 'RocketMQ：等待 gRPC Proxy 开始响应请求……',
  },
  'sandbox.phase.rocketmq.provision': {
    en: 'RocketMQ: creating the topic, the group, the learner and its permissions with the admin tool…',
    zh: 'RocketMQ：正在用管理工具创建 Topic、Group、学员账号及其权限……',
  },
  'sandbox.up.done': {
    en: 'Sandbox ready in {seconds}s. State folder: {dir}',
    zh: '沙箱已就绪，用时 {seconds} 秒。状态目录：{dir}',
  },
  'sandbox.up.alreadyRunning': {
    en: '{broker} was already running (pid {pid}).',
    zh: '{broker} 已在运行（pid {pid}）。',
  },
  'sandbox.up.started': {
    en: '{broker} started (pid {pid}).',
    zh: '{broker} 已启动（pid {pid}）。',
  },
  'sandbox.params.heading': {
    en: 'Connection parameters (secrets masked; `mq-tutor sandbox env` prints them in full):',
    zh: '连接参数（密钥已隐藏；`mq-tutor sandbox env` 可输出完整值）：',
  },
  'sandbox.params.or': { en: 'or, with {set}', zh: '或者，加上 {set}' },
  'sandbox.params.nameServer': {
    en: 'Over the name server with TDMQ full names, as the document does it: mq-tutor run rocketmq --sandbox --set protocol=remoting',
    zh: '像文档那样经 NameServer、用 TDMQ 全称收发：mq-tutor run rocketmq --sandbox --set protocol=remoting',
  },
  'sandbox.params.next': {
    en: 'Next: mq-tutor run ckafka --sandbox   or   mq-tutor run rocketmq --sandbox',
    zh: '下一步：mq-tutor run ckafka --sandbox   或   mq-tutor run rocketmq --sandbox',
  },
  'sandbox.down.stopped': { en: '{broker}: stopped.', zh: '{broker}：已停止。' },
  'sandbox.down.notRunning': {
    en: '{broker}: was not running.',
    zh: '{broker}：本来就没有运行。',
  },
  'sandbox.down.dataKept': {
    en: 'Data, secrets and the CA stay in {dir} for a fast next start.',
    zh: '数据、密钥和 CA 仍保留在 {dir}，下次启动会更快。',
  },
  'sandbox.status.running': {
    en: '{broker}: running (pid {pid}) — {ports}',
    zh: '{broker}：运行中（pid {pid}）—— {ports}',
  },
  'sandbox.status.stopped': {
    en: '{broker}: stopped — {ports}',
    zh: '{broker}：已停止 —— {ports}',
  },
  'sandbox.status.dir': { en: 'State folder: {dir}', zh: '状态目录：{dir}' },
  'sandbox.status.allInterfaces': {
    en: '  Not on loopback: {ports} listen on every network interface, because RocketMQ {version} has no setting that binds them to 127.0.0.1. Other machines that can reach this one can connect to them (the gRPC proxy still asks for access keys).',
    zh: '  未限于本机回环：{ports} 监听在所有网卡上，因为 RocketMQ {version} 没有把它们绑定到 127.0.0.1 的配置项。能访问本机的其他机器可以连接这些端口（gRPC Proxy 仍会校验访问密钥）。',
  },
  'sandbox.env.notReady': {
    en: 'The sandbox has not been set up yet. Run `mq-tutor sandbox up` first.',
    zh: '沙箱尚未创建。请先运行 `mq-tutor sandbox up`。',
  },
  'sandbox.error.java-missing': {
    en: 'Java was not found. The sandbox needs Java 17 or newer: install it (e.g. `apt-get install openjdk-17-jdk-headless`) and run again.',
    zh: '未找到 Java。沙箱需要 Java 17 或更高版本：请先安装（例如 `apt-get install openjdk-17-jdk-headless`）后重试。',
  },
  'sandbox.error.java-too-old': {
    en: 'Java {version} is too old. The sandbox needs Java 17 or newer.',
    zh: 'Java {version} 版本过旧。沙箱需要 Java 17 或更高版本。',
  },
  'sandbox.error.keytool-missing': {
    en: 'keytool (part of the Java JDK) was not found. Install a full JDK 17, not only a runtime.',
    zh: '未找到 keytool（Java JDK 自带的工具）。请安装完整的 JDK 17，而不仅仅是运行时。',
  },
  'sandbox.error.maven-missing': {
    en: 'Maven (mvn) was not found. The sandbox assembles the brokers with Maven: install it (e.g. `apt-get install maven`) and run again.',
    zh: '未找到 Maven（mvn）。沙箱用 Maven 组装服务端：请先安装（例如 `apt-get install maven`）后重试。',
  },
  'sandbox.error.port-taken-sandbox': {
    en: 'Port {port} is held by another mq-tutor sandbox, whose state folder is {dir}, so this sandbox ({here}) cannot start its {owner}. Stop the other one with: MQ_TUTOR_SANDBOX_DIR={dir} mq-tutor sandbox down',
    zh: '端口 {port} 被另一个 mq-tutor 沙箱占用（其状态目录为 {dir}），因此本沙箱（{here}）的 {owner} 无法启动。可以这样停止那个沙箱：MQ_TUTOR_SANDBOX_DIR={dir} mq-tutor sandbox down',
  },
  'sandbox.error.port-taken': {
    en: 'Port {port} is already in use by another program, so the sandbox {owner} cannot start. Stop that program (see `ss -ltnp | grep {port}`) and run again.',
    zh: '端口 {port} 已被其他程序占用，沙箱的 {owner} 无法启动。请停止该程序（可用 `ss -ltnp | grep {port}` 查看）后重试。',
  },
  'sandbox.error.maven': {
    en: 'Maven could not download the broker artifacts from Maven Central. Check the network or proxy settings of Maven (~/.m2/settings.xml). Last lines:\n{detail}',
    zh: 'Maven 无法从 Maven Central 下载服务端组件。请检查网络或 Maven 代理设置（~/.m2/settings.xml）。最后几行输出：\n{detail}',
  },
  'sandbox.error.start': {
    en: '{broker} did not become ready. Its log ({log}) ends with:\n{detail}',
    zh: '{broker} 未能就绪。其日志（{log}）最后几行：\n{detail}',
  },
  'sandbox.error.keytool': {
    en: 'keytool could not create the sandbox certificates: {detail}',
    zh: 'keytool 无法创建沙箱证书：{detail}',
  },
} satisfies Record<string, Localized>;
