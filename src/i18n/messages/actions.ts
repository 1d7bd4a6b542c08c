import type { Localized } from '../lang.js';

/** Progress lines and result summaries that the live actions report. */
export const actionMessages = {
  'env.progress.node': {
    en: 'Node.js {version} (runs the live steps)',
    zh: 'Node.js {version}（用于执行实时步骤）',
  },
  'env.progress.python': { en: 'Python {version} ({command})', zh: 'Python {version}（{command}）' },
  'env.progress.noPython': { en: 'Python 3 was not found', zh: '未找到 Python 3' },
  'env.progress.pip': { en: 'pip {version}', zh: 'pip {version}' },
  'env.progress.noPip': { en: 'pip was not found', zh: '未找到 pip' },
  'env.progress.package': { en: '{name} {version} is installed', zh: '已安装 {name} {version}' },
  'env.progress.noPackage': { en: '{name} is not installed', zh: '未安装 {name}' },
  'env.ok': {
    en: 'Node.js {node} is ready, and so is the document’s Python route ({name}).',
    zh: 'Node.js {node} 已就绪，文档中的 Python 方式（{name}）也已就绪。',
  },
  'env.okWithoutPython': {
    en: 'Node.js {node} is ready for the live steps. The Python route of the document ({name}) is not set up yet — see the notes; the tutorial does not need it.',
    zh: 'Node.js {node} 已就绪，可以执行实时步骤。文档中的 Python 方式（{name}）尚未准备好——请看提示；本教程不依赖它。',
  },
  'env.note.nodeOld': {
    en: 'Node.js {version} is older than {min}; install Node.js {min} or newer.',
    zh: 'Node.js {version} 低于 {min}，请安装 Node.js {min} 或更高版本。',
  },
  'env.note.installPython': {
    en: 'To follow the document in Python: install Python 3 (Debian/Ubuntu: `sudo apt-get install python3 python3-pip`; macOS: `brew install python`; Windows: python.org).',
    zh: '如需按文档使用 Python：请安装 Python 3（Debian/Ubuntu：`sudo apt-get install python3 python3-pip`；macOS：`brew install python`；Windows：python.org）。',
  },
  'env.note.installPip': {
    en: 'pip is missing: `{python} -m ensurepip --upgrade` or `sudo apt-get install python3-pip`.',
    zh: '缺少 pip：运行 `{python} -m ensurepip --upgrade` 或 `sudo apt-get install python3-pip`。',
  },
  'env.note.installPackage': {
    en: 'Install the document’s client: `{python} -m pip install {name}`.',
    zh: '安装文档所用的客户端：`{python} -m pip install {name}`。',
  },

  'network.progress.ok': {
    en: '{server}: resolved to {address} in {dnsMs} ms, TCP connected in {tcpMs} ms',
    zh: '{server}：{dnsMs} 毫秒解析到 {address}，{tcpMs} 毫秒建立 TCP 连接',
  },
  'network.progress.failed': { en: '{server}: failed ({code})', zh: '{server}：失败（{code}）' },
  'network.progress.speaks.remoting': {
    en: '{server}: answers in the remoting protocol, as a name server does',
    zh: '{server}：以 Remoting 协议应答，这是 NameServer',
  },
  'network.progress.speaks.grpc': {
    en: '{server}: answers as a gRPC (HTTP/2) server',
    zh: '{server}：以 gRPC（HTTP/2）服务应答',
  },
  'network.progress.speaks.silent': {
    en: '{server}: accepts the connection, then says nothing',
    zh: '{server}：接受连接后没有任何回应',
  },
  'network.progress.speaks.neither': {
    en: '{server}: answers neither as a name server nor as a gRPC server',
    zh: '{server}：既不是 NameServer，也不是 gRPC 服务',
  },
  'network.ok': { en: 'All {count} server(s) are reachable.', zh: '全部 {count} 个地址均可连通。' },
  'network.route.remoting': {
    en: '{server} is a name server (remoting): the document’s route. The next steps go through it, as the document’s Python SDK does.',
    zh: '{server} 是 NameServer（Remoting）：这正是文档的方式。接下来的步骤像文档中的 Python SDK 一样经它收发。',
  },
  'network.route.grpc': {
    en: '{server} is a gRPC endpoint (RocketMQ 5.x): the next steps talk to it over gRPC.',
    zh: '{server} 是 gRPC 接入点（RocketMQ 5.x）：接下来的步骤经 gRPC 与它收发。',
  },
  'network.partial': { en: '{ok} of {total} address(es) answered.', zh: '{total} 个地址中有 {ok} 个应答。' },
  'network.progress.skipped': {
    en: '{server} does not answer ({code}); going on with {using}, as a client tries the next address in the list',
    zh: '{server} 没有应答（{code}）；像客户端那样改用列表中的下一个地址 {using} 继续',
  },
  'network.note.unreachable': {
    en: 'Not every address in the list answers: {servers}. This step used {using}. Check the others; they may be mistyped or down.',
    zh: '列表中并非每个地址都有应答：{servers}。本步骤使用的是 {using}。请检查其余地址，可能填写有误或已停止服务。',
  },
  'network.partialNote': {
    en: 'A client needs only one reachable address to start, but check the others: they may be mistyped.',
    zh: '客户端只要有一个地址可达即可启动，但请检查其余地址，可能填写有误。',
  },

  'cert.progress.parsed': {
    en: 'CA certificate: {subject}, valid {from} to {to}',
    zh: 'CA 证书：{subject}，有效期 {from} 至 {to}',
  },
  'cert.progress.handshake': {
    en: 'TLS handshake with {server} (hostname check {hostname})…',
    zh: '正在与 {server} 进行 TLS 握手（主机名校验：{hostname}）……',
  },
  'cert.ok': {
    en: 'TLS handshake with {server} succeeded ({protocol}); the broker presented {subject}, vouched for by your CA file.',
    zh: '与 {server} 的 TLS 握手成功（{protocol}）；服务端出示的证书 {subject} 由您的 CA 文件签发认可。',
  },
  'cert.note.notCa': {
    en: 'The file holds a certificate that is not a CA; CKafka’s CARoot.pem is a CA certificate. Make sure you downloaded the right file.',
    zh: '文件中有非 CA 证书；CKafka 的 CARoot.pem 应为 CA 证书。请确认下载的文件正确。',
  },
  'cert.note.expiresSoon': {
    en: 'The CA certificate expires in {days} day(s): download a fresh CARoot.pem soon.',
    zh: 'CA 证书将在 {days} 天后过期，请尽快下载新的 CARoot.pem。',
  },

  'kafka.progress.connecting': { en: 'Connecting to {brokers}…', zh: '正在连接 {brokers}……' },
  'kafka.progress.sending': {
    en: 'Sending one JSON message to {topic}…',
    zh: '正在向 {topic} 发送一条 JSON 消息……',
  },
  'kafka.produce.ok': {
    en: 'Sent: topic {topic}, partition {partition}, offset {offset}.',
    zh: '发送成功：Topic {topic}，分区 {partition}，位点 {offset}。',
  },
  'kafka.progress.joining': { en: 'Joining consumer group {group}…', zh: '正在加入消费组 {group}……' },
  'kafka.progress.joined': {
    en: 'Joined {group}; partitions assigned to this consumer: {partitions}',
    zh: '已加入 {group}；分配给本消费者的分区：{partitions}',
  },
  'kafka.progress.message': {
    en: 'Topic:[{topic}] Partition:[{partition}] Offset:[{offset}] Value:[{value}]',
    zh: 'Topic:[{topic}] Partition:[{partition}] Offset:[{offset}] Value:[{value}]',
  },
  'kafka.progress.messageOurs': {
    en: 'Topic:[{topic}] Partition:[{partition}] Offset:[{offset}] Value:[{value}]  ← the message sent in this run',
    zh: 'Topic:[{topic}] Partition:[{partition}] Offset:[{offset}] Value:[{value}]  ← 本次运行发送的消息',
  },
  'kafka.consume.ok': {
    en: 'Received the message of this run at partition {partition}, offset {offset} ({count} message(s) read in group {group}).',
    zh: '已收到本次运行发送的消息：分区 {partition}，位点 {offset}（消费组 {group} 共读取 {count} 条）。',
  },
  'kafka.progress.groupState': {
    en: 'Consumer group {group}: state {state}, {members} member(s) now',
    zh: '消费组 {group}：状态 {state}，当前成员 {members} 个',
  },
  'kafka.progress.partitionLag': {
    en: 'partition {partition}: committed offset {committed}, end {end}, lag {lag}',
    zh: '分区 {partition}：已提交位点 {committed}，最新位点 {end}，堆积 {lag}',
  },
  'kafka.verify.ok': {
    en: 'Round trip verified: the message at partition {partition}, offset {offset} was consumed and committed by {group} (group state {state}, total lag {lag}).',
    zh: '收发闭环已验证：分区 {partition}、位点 {offset} 的消息已被 {group} 消费并提交（消费组状态 {state}，总堆积 {lag}）。',
  },
} satisfies Record<string, Localized>;

export const librocketmqMessages = {
  'librocketmq.progress.notFound': {
    en: 'librocketmq is not in the loader cache (ldconfig -p), LD_LIBRARY_PATH or the usual library folders',
    zh: '在加载器缓存（ldconfig -p）、LD_LIBRARY_PATH 和常见库目录中都没有找到 librocketmq',
  },
  'librocketmq.progress.found': {
    en: 'found {path} (version {version})',
    zh: '找到 {path}（版本 {version}）',
  },
  'librocketmq.ok': {
    en: 'librocketmq {version} is installed ({path}): the document’s Python SDK can load it.',
    zh: '已安装 librocketmq {version}（{path}）：文档中的 Python SDK 可以加载它。',
  },
  'librocketmq.missing': {
    en: 'librocketmq was not found. The document’s Python SDK needs it; the live steps of this tutorial do not (they use the gRPC client).',
    zh: '未找到 librocketmq。文档中的 Python SDK 需要它；本教程的实时步骤不需要（使用 gRPC 客户端）。',
  },
  'librocketmq.tooOld': {
    en: 'librocketmq {version} is older than {minimum}, which the Python SDK requires.',
    zh: 'librocketmq {version} 低于 Python SDK 要求的 {minimum}。',
  },
  'librocketmq.install.linux': {
    en: 'Linux: download the rocketmq-client-cpp 2.0.0 package for your distribution from the apache/rocketmq-client-cpp releases on GitHub and install it (`sudo dpkg -i rocketmq-client-cpp-2.0.0.amd64.deb` or `sudo rpm -ivh rocketmq-client-cpp-2.0.0-centos7.x86_64.rpm`), then `sudo ldconfig`.',
    zh: 'Linux：从 GitHub 上 apache/rocketmq-client-cpp 的发布页下载适合您发行版的 rocketmq-client-cpp 2.0.0 安装包并安装（`sudo dpkg -i rocketmq-client-cpp-2.0.0.amd64.deb` 或 `sudo rpm -ivh rocketmq-client-cpp-2.0.0-centos7.x86_64.rpm`），然后执行 `sudo ldconfig`。',
  },
  'librocketmq.install.macos': {
    en: 'macOS: download the rocketmq-client-cpp 2.0.0 darwin archive from the apache/rocketmq-client-cpp releases on GitHub, copy librocketmq.dylib to /usr/local/lib and the headers to /usr/local/include/rocketmq.',
    zh: 'macOS：从 GitHub 上 apache/rocketmq-client-cpp 的发布页下载 rocketmq-client-cpp 2.0.0 的 darwin 压缩包，把 librocketmq.dylib 复制到 /usr/local/lib，头文件复制到 /usr/local/include/rocketmq。',
  },
  'librocketmq.install.other': {
    en: 'librocketmq has no ready-made package for this system: build rocketmq-client-cpp 2.0.0 from source (see apache/rocketmq-client-cpp), or use Linux or macOS for the Python route.',
    zh: '该系统没有现成的 librocketmq 安装包：请从源码编译 rocketmq-client-cpp 2.0.0（见 apache/rocketmq-client-cpp），或在 Linux、macOS 上使用 Python 方式。',
  },
} satisfies Record<string, Localized>;
