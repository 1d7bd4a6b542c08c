import type { Localized } from '../i18n/index.js';

export interface DiagnosisText {
  title: Localized;
  explanation: Localized;
  fixes: Localized[];
}

// Generic, so that each text keeps its literal type and its {slots} can be read by the compiler.
const l = <En extends string, Zh extends string>(en: En, zh: Zh) => ({ en, zh });

/** What each diagnosis code means for a newcomer, and what to do about it. */
export const DIAGNOSES = {
  SASL_AUTH_FAILED: {
    title: l('The user name or password was refused', '用户名或密码被拒绝'),
    explanation: l(
      'The broker answered, but it did not accept the SASL PLAIN login for "{username}". Either the password is wrong, or the user name is not in CKafka’s form instanceId#username, or the user does not exist on this instance.',
      '服务端有应答，但没有接受 “{username}” 的 SASL PLAIN 登录。可能是密码错误、用户名不是 CKafka 要求的 实例ID#用户名 形式，或该实例上没有这个用户。',
    ),
    fixes: [
      l(
        'Check the user name: it is the instance ID, then #, then the user (e.g. ckafka-abc123#alice). The instance ID is on the instance’s Basic Information page.',
        '检查用户名：应为实例 ID + # + 用户名（例如 ckafka-abc123#alice）。实例 ID 在实例详情的“基本信息”中。',
      ),
      l(
        'Re-enter the password set for this user under User Management of the instance; reset it there if nobody remembers it.',
        '重新输入在实例“用户管理”中为该用户设置的密码；如果忘记了，可在那里重置。',
      ),
      l(
        'Make sure the address belongs to the same instance as the user (a user exists on one instance only).',
        '确认接入地址与该用户属于同一实例（用户只存在于其所属实例）。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor ckafka` tells a wrong password from a user name without its instanceId# part.',
        '想进一步排查：`mq-tutor doctor ckafka` 能分清是密码错误，还是用户名缺少 实例ID# 部分。',
      ),
    ],
  },
  UNKNOWN_HOST: {
    title: l('The address could not be found', '无法解析该地址'),
    explanation: l(
      'The name "{host}" does not resolve to an IP address (DNS has no answer for it). It is probably mistyped, or this machine cannot reach the DNS that knows it.',
      '名称 “{host}” 无法解析为 IP 地址（DNS 没有结果）。可能拼写有误，或本机无法访问能解析它的 DNS。',
    ),
    fixes: [
      l(
        'Copy the address again from the console (CKafka: the instance’s Access Mode section; TDMQ: the cluster’s access address) instead of typing it.',
        '从控制台重新复制地址（CKafka：实例详情的“接入方式”；TDMQ：集群的接入地址），不要手动输入。',
      ),
      l(
        'Check the machine’s DNS: `getent hosts {host}` or `nslookup {host}`.',
        '检查本机 DNS：`getent hosts {host}` 或 `nslookup {host}`。',
      ),
    ],
  },
  CONNECTION_REFUSED: {
    title: l('Nothing is listening at that address', '该地址没有服务在监听'),
    explanation: l(
      'The machine at {host} answered, but refused the connection on port {port}: no broker listens there. The port is probably wrong, or the broker is stopped.',
      '{host} 所在机器有应答，但拒绝了端口 {port} 上的连接：那里没有服务端在监听。可能端口填错了，或服务端已停止。',
    ),
    fixes: [
      l(
        'Compare the port with the console: CKafka’s public SASL_PLAINTEXT and SASL_SSL access points have different ports.',
        '与控制台核对端口：CKafka 公网的 SASL_PLAINTEXT 与 SASL_SSL 接入点端口不同。',
      ),
      l(
        'For the local sandbox, check that it runs: `mq-tutor sandbox status` (start it with `mq-tutor sandbox up`).',
        '如使用本机沙箱，确认它在运行：`mq-tutor sandbox status`（用 `mq-tutor sandbox up` 启动）。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor ckafka` (or rocketmq) says whether the address is one you gave or one the broker handed out.',
        '想进一步排查：`mq-tutor doctor ckafka`（或 rocketmq）会说明该地址是您填写的，还是服务端下发的。',
      ),
    ],
  },
  CONNECTION_TIMEOUT: {
    title: l('No answer from the address', '地址没有响应'),
    explanation: l(
      'A connection to {host}:{port} got no answer at all in time. A firewall or security group is probably dropping the traffic, or the public network access of the instance is not enabled.',
      '连接 {host}:{port} 在规定时间内完全没有响应。可能防火墙或安全组丢弃了流量，或实例未开通公网访问。',
    ),
    fixes: [
      l(
        'Check that public network access is enabled for the instance and that its allow-list / security group admits this machine’s public IP.',
        '确认实例已开通公网访问，且白名单/安全组放行了本机的公网 IP。',
      ),
      l(
        'Check outbound firewalls on this network: `nc -vz {host} {port}` should connect.',
        '检查本网络的出站防火墙：`nc -vz {host} {port}` 应能连通。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor ckafka` (or rocketmq) says whether the address is a private (VPC) one.',
        '想进一步排查：`mq-tutor doctor ckafka`（或 rocketmq）会说明该地址是否为私有（VPC）地址。',
      ),
    ],
  },
  NETWORK_UNREACHABLE: {
    title: l('The network has no route to the address', '网络无法到达该地址'),
    explanation: l(
      'This machine has no route to {host}. A private-network address cannot be used from outside its VPC.',
      '本机没有到 {host} 的路由。私有网络地址无法在其 VPC 之外使用。',
    ),
    fixes: [
      l(
        'Use the public access point from the console when you are outside the VPC.',
        '在 VPC 外部时请使用控制台中的公网接入点。',
      ),
    ],
  },
  CONNECTION_DROPPED: {
    title: l('The connection was dropped', '连接被中断'),
    explanation: l(
      'The connection to {host}:{port} was opened and then closed by the other side before the client finished talking to it.',
      '到 {host}:{port} 的连接建立后，在客户端完成通信前被对端关闭。',
    ),
    fixes: [
      l(
        'Check that the protocol matches the port (SASL_SSL port with SASL_SSL, SASL_PLAINTEXT port with SASL_PLAINTEXT).',
        '确认协议与端口匹配（SASL_SSL 端口用 SASL_SSL，SASL_PLAINTEXT 端口用 SASL_PLAINTEXT）。',
      ),
      l(
        'Run the step again; if it keeps happening, check the broker’s health in the console.',
        '重新运行该步骤；若反复出现，请在控制台检查服务端状态。',
      ),
    ],
  },
  TLS_UNTRUSTED_CA: {
    title: l('The broker’s certificate is not signed by your CA file', '服务端证书不是由您的 CA 文件签发的'),
    explanation: l(
      'The TLS handshake with {host}:{port} failed because the certificate the broker showed cannot be traced back to the CA in {file}. The CA file is probably not CKafka’s CARoot.pem, or it is outdated.',
      '与 {host}:{port} 的 TLS 握手失败：服务端出示的证书无法追溯到 {file} 中的 CA。该文件可能不是 CKafka 的 CARoot.pem，或已过时。',
    ),
    fixes: [
      l(
        'Download CARoot.pem again from the CKafka documentation’s SASL_SSL certificate link and point caFile at it.',
        '从 CKafka 文档中的 SASL_SSL 证书链接重新下载 CARoot.pem，并让 caFile 指向它。',
      ),
      l(
        'For the local sandbox, the CA is <sandbox state folder>/CARoot.pem (see `mq-tutor sandbox env`).',
        '如使用本机沙箱，CA 文件是 <沙箱状态目录>/CARoot.pem（见 `mq-tutor sandbox env`）。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor ckafka` shows who issued the broker’s certificate and what your CA file holds.',
        '想进一步排查：`mq-tutor doctor ckafka` 会显示服务端证书的签发者以及您的 CA 文件中的证书。',
      ),
    ],
  },
  TLS_HOSTNAME_MISMATCH: {
    title: l('The certificate is for another host name', '证书的主机名与地址不符'),
    explanation: l(
      'The certificate is trusted, but it was issued for other names than "{host}" ({detail}). With hostname checking on, the client refuses it. The document turns hostname checking off (ssl_check_hostname=False) because public access points are often IP addresses.',
      '证书可信，但签发给的名称不是 “{host}”（{detail}）。开启主机名校验时客户端会拒绝它。文档中关闭了主机名校验（ssl_check_hostname=False），因为公网接入点常常是 IP 地址。',
    ),
    fixes: [
      l(
        'Set checkHostname to false, as the document does: --set checkHostname=false.',
        '按文档将 checkHostname 设为 false：--set checkHostname=false。',
      ),
      l('Or connect with a host name that the certificate names.', '或使用证书中列出的主机名进行连接。'),
    ],
  },
  TLS_CERT_EXPIRED: {
    title: l('The broker’s certificate has expired', '服务端证书已过期'),
    explanation: l(
      'The certificate that {host}:{port} presented is outside its validity period.',
      '{host}:{port} 出示的证书不在有效期内。',
    ),
    fixes: [
      l(
        'Check this machine’s clock (`date`); if it is right, contact the service’s support.',
        '检查本机时间（`date`）；如时间无误，请联系服务支持。',
      ),
    ],
  },
  TLS_TO_PLAINTEXT_PORT: {
    title: l('TLS was used on a port without TLS', '对未启用 TLS 的端口使用了 TLS'),
    explanation: l(
      'The client started a TLS handshake (SASL_SSL) with {host}:{port}, but that port speaks plaintext (SASL_PLAINTEXT), so it hung up.',
      '客户端向 {host}:{port} 发起了 TLS 握手（SASL_SSL），但该端口是明文（SASL_PLAINTEXT），于是连接被挂断。',
    ),
    fixes: [
      l(
        'Use the SASL_SSL access point’s port with SASL_SSL (sandbox: localhost:19095).',
        'SASL_SSL 请使用 SASL_SSL 接入点的端口（沙箱：localhost:19095）。',
      ),
      l(
        'Or set securityProtocol=SASL_PLAINTEXT for this port (sandbox: localhost:19094).',
        '或对该端口使用 securityProtocol=SASL_PLAINTEXT（沙箱：localhost:19094）。',
      ),
    ],
  },
  PLAINTEXT_TO_TLS_PORT: {
    title: l('Plaintext was used on a TLS port', '对 TLS 端口使用了明文'),
    explanation: l(
      'The client spoke SASL_PLAINTEXT to {servers}, but that port expects TLS (SASL_SSL); the broker closed the connection without an answer.',
      '客户端以 SASL_PLAINTEXT 方式连接 {servers}，但该端口需要 TLS（SASL_SSL），服务端直接关闭了连接。',
    ),
    fixes: [
      l(
        'Set securityProtocol=SASL_SSL and give caFile (the CARoot.pem) for this port.',
        '对该端口设置 securityProtocol=SASL_SSL，并提供 caFile（CARoot.pem）。',
      ),
      l(
        'Or use the SASL_PLAINTEXT access point’s port (sandbox: localhost:19094).',
        '或改用 SASL_PLAINTEXT 接入点的端口（沙箱：localhost:19094）。',
      ),
    ],
  },
  TOPIC_AUTHORIZATION_FAILED: {
    title: l('No permission for this topic', '没有该 Topic 的权限'),
    explanation: l(
      'The login worked, but "{username}" may not use topic "{topic}". Kafka answers the same way when the topic does not exist and the user may not see it.',
      '登录成功，但 “{username}” 无权使用 Topic “{topic}”。当 Topic 不存在且用户无权查看时，Kafka 也会这样回答。',
    ),
    fixes: [
      l(
        'In the CKafka console, add an ACL policy for this user on the topic (read and write), as the document’s prerequisites say.',
        '按文档前提条件，在 CKafka 控制台为该用户添加此 Topic 的 ACL 策略（读、写）。',
      ),
      l(
        'Check the topic name against the console’s Topic Management page.',
        '与控制台“Topic 管理”页面核对 Topic 名称。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor ckafka` tries describe, write and read on the topic each on its own, and the group.',
        '想进一步排查：`mq-tutor doctor ckafka` 会分别尝试对 Topic 的查看、写入、读取以及消费组的权限。',
      ),
    ],
  },
  GROUP_AUTHORIZATION_FAILED: {
    title: l('No permission for this consumer group', '没有该消费组的权限'),
    explanation: l(
      'The broker did not let "{username}" use consumer group "{group}" (kafkajs reports this as "failed to find group coordinator").',
      '服务端不允许 “{username}” 使用消费组 “{group}”（kafkajs 会将其报告为 “failed to find group coordinator”）。',
    ),
    fixes: [
      l(
        'Add an ACL for the group in the console, or pick a group the user may use (in the sandbox: names starting with tutorial-).',
        '在控制台为该消费组添加 ACL，或换一个该用户可用的消费组（沙箱中：以 tutorial- 开头的名称）。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor ckafka` tries the topic and the group permissions each on its own.',
        '想进一步排查：`mq-tutor doctor ckafka` 会分别检查 Topic 与消费组的各项权限。',
      ),
    ],
  },
  UNKNOWN_TOPIC: {
    title: l('The topic does not exist', 'Topic 不存在'),
    explanation: l(
      'The broker has no topic named "{topic}" (and does not create topics on first use).',
      '服务端没有名为 “{topic}” 的 Topic（也不会在首次使用时自动创建）。',
    ),
    fixes: [
      l(
        'Copy the exact name from the console’s Topic Management page (names are case-sensitive).',
        '从控制台“Topic 管理”页面复制准确的名称（区分大小写）。',
      ),
      l('Create the topic in the console first.', '先在控制台创建该 Topic。'),
    ],
  },
  BROKER_UNAVAILABLE: {
    title: l('The broker stopped answering', '服务端停止了响应'),
    explanation: l(
      'The connection to the broker ({servers}) was lost during the step: the broker went away or restarted.',
      '步骤进行中与服务端（{servers}）的连接断开：服务端已退出或正在重启。',
    ),
    fixes: [
      l('Wait a moment and retry the step.', '稍等片刻后重试该步骤。'),
      l(
        'For the sandbox: `mq-tutor sandbox status`, then `mq-tutor sandbox up`.',
        '如使用沙箱：先 `mq-tutor sandbox status`，再 `mq-tutor sandbox up`。',
      ),
    ],
  },
  BROKER_TIMEOUT: {
    title: l('The broker did not answer in time', '服务端未能及时响应'),
    explanation: l(
      'The broker ({servers}) accepted the connection but did not answer a request in time. It may be overloaded or restarting.',
      '服务端（{servers}）接受了连接，但未能及时响应请求。它可能负载过高或正在重启。',
    ),
    fixes: [
      l(
        'Retry the step; if it persists, check the instance’s monitoring in the console.',
        '重试该步骤；若持续出现，请在控制台查看实例监控。',
      ),
    ],
  },
  CA_FILE_INVALID: {
    title: l('The CA file is not a PEM certificate', 'CA 文件不是 PEM 格式的证书'),
    explanation: l(
      '{file} does not hold a certificate in PEM form (text between "-----BEGIN CERTIFICATE-----" and "-----END CERTIFICATE-----").',
      '{file} 中没有 PEM 格式的证书（即 “-----BEGIN CERTIFICATE-----” 与 “-----END CERTIFICATE-----” 之间的文本）。',
    ),
    fixes: [
      l(
        'Download CARoot.pem again; a browser sometimes saves an HTML page instead of the file.',
        '重新下载 CARoot.pem；浏览器有时会保存成 HTML 页面而不是文件。',
      ),
      l(
        'Look at it: `head -1 {file}` should print -----BEGIN CERTIFICATE-----.',
        '查看内容：`head -1 {file}` 应输出 -----BEGIN CERTIFICATE-----。',
      ),
    ],
  },
  CA_FILE_UNREADABLE: {
    title: l('The CA file cannot be read', '无法读取 CA 文件'),
    explanation: l('{file} exists but cannot be read by this user.', '{file} 存在，但当前用户无法读取。'),
    fixes: [l('Check its permissions: `ls -l {file}`.', '检查文件权限：`ls -l {file}`。')],
  },
  CA_EXPIRED: {
    title: l('The CA certificate has expired', 'CA 证书已过期'),
    explanation: l(
      'The certificate in {file} ({subject}) was valid until {to}; clients refuse an expired CA.',
      '{file} 中的证书（{subject}）有效期至 {to}；客户端会拒绝已过期的 CA。',
    ),
    fixes: [
      l(
        'Download the current CARoot.pem and point caFile at it.',
        '下载最新的 CARoot.pem，并让 caFile 指向它。',
      ),
      l('Check this machine’s clock: `date`.', '检查本机时间：`date`。'),
    ],
  },
  CA_NOT_YET_VALID: {
    title: l('The CA certificate is not valid yet', 'CA 证书尚未生效'),
    explanation: l(
      'The certificate in {file} becomes valid only on {from}.',
      '{file} 中的证书要到 {from} 才生效。',
    ),
    fixes: [l('Check this machine’s clock: `date`.', '检查本机时间：`date`。')],
  },
  CONSUME_NOT_SEEN: {
    title: l('The message of this run did not arrive', '没有收到本次运行发送的消息'),
    explanation: l(
      'Group "{group}" read topic "{topic}" for {seconds} s but did not meet the message produced in this run (partition {partition}); this consumer was given partition(s) {assigned}. The group may have kept rebalancing, or handed the partition to no member that reads it.',
      '消费组 “{group}” 读取 Topic “{topic}” {seconds} 秒，仍未遇到本次运行发送的消息（分区 {partition}）；本消费者分到的分区是 {assigned}。可能该组一直在重新分配分区，或该分区没有分给任何会读取它的成员。',
    ),
    fixes: [
      l(
        'Use a group of your own (e.g. tutorial-<your name>) so no one else in the room takes your partition: --set groupId=tutorial-yourname.',
        '使用自己的消费组（如 tutorial-<你的名字>），避免同场其他人占用你的分区：--set groupId=tutorial-yourname。',
      ),
      l('Run produce and consume again.', '重新运行生产和消费步骤。'),
    ],
  },
  CONSUME_NOTHING_PRODUCED: {
    title: l('There is no message to wait for: produce has not passed', '没有可等待的消息：生产步骤未通过'),
    explanation: l(
      'The consume step waits for the message that the produce step sent, but produce has no passing result on this profile (it has not run, or its last run failed). The step stopped at once, before joining group "{group}", so it read and acknowledged nothing.',
      '消费步骤等待的是生产步骤发出的消息，但此配置中生产步骤没有通过的结果（尚未运行，或上次运行失败）。本步骤已立即停止，没有加入消费组 “{group}”，因此没有读取或确认任何消息。',
    ),
    fixes: [
      l(
        'Run from the produce step (--step produce): it sends the message, then consume receives it.',
        '从生产步骤开始运行（--step produce）：先发送消息，再由消费步骤接收。',
      ),
    ],
  },
  CONSUME_PARTITION_HELD: {
    title: l(
      'Another member of the group holds the message’s partition',
      '消息所在的分区被同组的其他成员占用',
    ),
    explanation: l(
      'The message of this run is in partition {partition} of "{topic}", and group "{group}" has settled with that partition given to another member (client "{member}" at {host}). Kafka gives each partition of a group to one member only, so this consumer cannot read it while that member stays; the step stopped instead of waiting out its time.',
      '本次运行的消息位于 “{topic}” 的分区 {partition}，而消费组 “{group}” 已稳定，该分区分给了另一个成员（客户端 “{member}”，来自 {host}）。Kafka 把组内每个分区只分给一个成员，只要那个成员还在，本消费者就读不到它；因此本步骤不再空等，直接停止。',
    ),
    fixes: [
      l(
        'Use a group of your own (e.g. tutorial-<your name>) so no one else in the room takes your partition: --set groupId=tutorial-yourname.',
        '使用自己的消费组（如 tutorial-<你的名字>），避免同场其他人占用你的分区：--set groupId=tutorial-yourname。',
      ),
      l(
        'Or stop the other consumer of the group, then run consume again.',
        '或停止该组中的其他消费者，再重新运行消费步骤。',
      ),
    ],
  },
  CONSUME_MESSAGE_DELETED: {
    title: l('The message is no longer in the topic', '消息已不在 Topic 中'),
    explanation: l(
      'The message of this run was written to partition {partition} of "{topic}" at offset {offset}, but that partition now starts at offset {logStart}: retention or a delete-records request removed it, so no consumer can read it any more.',
      '本次运行的消息写入了 “{topic}” 分区 {partition} 的位点 {offset}，但该分区现在从位点 {logStart} 开始：消息已被保留策略或删除消息请求清除，任何消费者都读不到它了。',
    ),
    fixes: [
      l(
        'Run produce and consume again, one right after the other (--step produce).',
        '紧接着重新运行生产和消费步骤（--step produce）。',
      ),
      l(
        'If messages disappear sooner than you expect, check the topic’s retention time in the console.',
        '如果消息比预期更早消失，请在控制台检查该 Topic 的消息保留时长。',
      ),
    ],
  },
  VERIFY_NO_PRODUCE: {
    title: l('Nothing to verify yet: produce has not passed', '尚无可验证的内容：生产步骤未通过'),
    explanation: l(
      'Verification compares the produced message with the consumed one; the produce step has no passing result.',
      '验证会比对发送和消费到的消息，但生产步骤没有通过的结果。',
    ),
    fixes: [l('Run produce and consume, then verify.', '先运行生产和消费，再进行验证。')],
  },
  VERIFY_NO_CONSUME: {
    title: l('Nothing to verify yet: consume has not passed', '尚无可验证的内容：消费步骤未通过'),
    explanation: l(
      'Verification needs the message that the consume step received; that step has no passing result.',
      '验证需要消费步骤收到的消息，但该步骤没有通过的结果。',
    ),
    fixes: [l('Run consume again, then verify.', '重新运行消费步骤后再验证。')],
  },
  VERIFY_MISMATCH: {
    title: l('The consumer saw a different message', '消费到的不是同一条消息'),
    explanation: l(
      'Produce wrote partition {partition}, offset {offset}, but consume reported partition {seenPartition}, offset {seenOffset}.',
      '生产写入的是分区 {partition}、位点 {offset}，而消费报告的是分区 {seenPartition}、位点 {seenOffset}。',
    ),
    fixes: [l('Run produce, consume and verify again in one go.', '依次重新运行生产、消费和验证。')],
  },
  VERIFY_NOT_COMMITTED: {
    title: l('The group has not committed past the message', '消费组的提交位点未越过该消息'),
    explanation: l(
      'Group "{group}" read the message, but its committed offset on partition {partition} is not beyond {offset}, so after a restart it would read it again.',
      '消费组 “{group}” 读到了该消息，但它在分区 {partition} 的已提交位点没有超过 {offset}，重启后会再次读到它。',
    ),
    fixes: [
      l(
        'Run consume again and let it finish (it commits before it leaves the group).',
        '重新运行消费步骤并等待其完成（离开消费组前会提交位点）。',
      ),
    ],
  },
  RMQ_AUTH_FAILED: {
    title: l('The access key or secret key was refused', 'AccessKey 或 SecretKey 被拒绝'),
    explanation: l(
      'The cluster at {endpoints} answered but did not accept the credentials. In TDMQ, the access key is the role’s key (copied from the key column of Role Management) and the secret key is the role name; the two are easily swapped.',
      '{endpoints} 的集群有应答，但不接受这组凭证。在 TDMQ 中，accessKey 是角色的密钥（在“角色管理”的密钥列复制），secretKey 是角色名称，两者很容易填反。',
    ),
    fixes: [
      l(
        'Copy both again from Role Management: accessKey is the role’s key (the Key column), secretKey is the role name.',
        '在“角色管理”中重新复制两者：accessKey 是角色的密钥（密钥列），secretKey 是角色名称。',
      ),
      l(
        'Make sure the role is authorized on this namespace (production and consumption).',
        '确认该角色已在此命名空间获得授权（生产与消费）。',
      ),
      l(
        'To tell swapped keys from wrong ones: `mq-tutor doctor rocketmq` tries them both ways.',
        '想分清是填反了还是填错了：运行 `mq-tutor doctor rocketmq`，它会两种顺序都试一次。',
      ),
    ],
  },
  RMQ_PERMISSION_DENIED: {
    title: l(
      'The role may not use this topic or group, or the name does not exist',
      '该角色无权使用此 Topic 或 Group，或该名称不存在',
    ),
    explanation: l(
      'The credentials are valid, but the role has no permission for "{resource}". The name may also not exist: on a cluster with access control, a mistyped topic or group name often comes back as this same permission error.',
      '凭证有效，但该角色没有 “{resource}” 的权限。也可能是该名称并不存在：在开启了权限控制的集群上，拼错的 Topic 或 Group 名称常常也会得到同样的无权限答复。',
    ),
    fixes: [
      l(
        'Check the name against the console’s Topic and Group pages, including whether your cluster needs the full name (cluster-id|namespace%name).',
        '与控制台的 Topic 和 Group 页面核对名称，并确认集群是否需要全称（集群ID|命名空间%名称）。',
      ),
      l(
        'Grant the role produce and consume permissions on the namespace in the console.',
        '在控制台为角色授予该命名空间的生产和消费权限。',
      ),
      l(
        'For a fuller check: `mq-tutor doctor rocketmq` tries publish and subscribe on the topic and the group each on its own.',
        '想进一步排查：`mq-tutor doctor rocketmq` 会分别检查 Topic 的生产、订阅以及消费组的权限。',
      ),
    ],
  },
  RMQ_NAMESERVER_PORT: {
    title: l('That is a name server, not a gRPC endpoint', '这是 NameServer，不是 gRPC 接入点'),
    explanation: l(
      '{endpoint} answers in RocketMQ’s remoting protocol: it is a name server (port {port}), the address a 4.x cluster and the document’s Python SDK use. You chose protocol grpc, which needs a 5.x cluster’s gRPC endpoint.',
      '{endpoint} 以 RocketMQ 的 Remoting 协议应答：这是 NameServer（端口 {port}），也就是 4.x 集群和文档中 Python SDK 使用的地址。您选择的协议是 grpc，它需要 5.x 集群的 gRPC 接入点。',
    ),
    fixes: [
      l(
        'To go the document’s way through the name server, set protocol to auto or remoting: --set protocol=auto.',
        '想按文档的方式经 NameServer 收发，把协议设为 auto 或 remoting：--set protocol=auto。',
      ),
      l(
        'For a 5.x cluster, use the gRPC access point from the console instead (the sandbox’s is 127.0.0.1:8081).',
        '如果是 5.x 集群，请改用控制台中的 gRPC 接入地址（沙箱为 127.0.0.1:8081）。',
      ),
    ],
  },
  RMQ_GRPC_FOR_REMOTING: {
    title: l('That is a gRPC endpoint, not a name server', '这是 gRPC 接入点，不是 NameServer'),
    explanation: l(
      '{endpoint} answers as a gRPC (HTTP/2) server: it is a 5.x cluster’s gRPC endpoint. You chose protocol remoting, which needs a name server address (a 4.x cluster’s access address, usually port 9876).',
      '{endpoint} 以 gRPC（HTTP/2）服务应答：这是 5.x 集群的 gRPC 接入点。您选择的协议是 remoting，它需要 NameServer 地址（4.x 集群的接入地址，端口通常是 9876）。',
    ),
    fixes: [
      l(
        'Let the address decide: --set protocol=auto (or grpc) talks to this endpoint over gRPC.',
        '让地址决定：--set protocol=auto（或 grpc），即可经 gRPC 连接这个接入点。',
      ),
      l(
        'For the name server route, copy the 4.x access address from Get Access Address in Cluster Management (the sandbox’s is 127.0.0.1:9876).',
        '如要经 NameServer，请从“集群管理”的“获取接入地址”复制 4.x 接入地址（沙箱为 127.0.0.1:9876）。',
      ),
    ],
  },
  RMQ_NOT_NAMESERVER: {
    title: l('The address is not a name server', '该地址不是 NameServer'),
    explanation: l(
      '{endpoint} accepts connections but does not answer in RocketMQ’s remoting protocol, as a name server would.',
      '{endpoint} 接受连接，但没有像 NameServer 那样以 RocketMQ 的 Remoting 协议应答。',
    ),
    fixes: [
      l(
        'Copy the access address again from the console; a name server usually listens on port 9876.',
        '请从控制台重新复制接入地址；NameServer 的端口通常是 9876。',
      ),
      l(
        'Run `mq-tutor doctor rocketmq` to see what the port does speak.',
        '运行 `mq-tutor doctor rocketmq` 查看该端口实际使用的协议。',
      ),
    ],
  },
  RMQ_SILENT_ENDPOINT: {
    title: l('The address accepts connections but never answers', '该地址接受连接，但从不应答'),
    explanation: l(
      '{endpoint} let the connection in, then said nothing to a name server’s question or a gRPC greeting. It is neither a name server nor a gRPC endpoint that works: a port that something else holds open (a load balancer with no server behind it, a firewall), or a server that hangs.',
      '{endpoint} 接受了连接，但对 NameServer 请求和 gRPC 握手都没有任何回应。它既不是可用的 NameServer，也不是可用的 gRPC 接入点：可能是别的东西占着这个端口（后面没有服务的负载均衡、防火墙），或者服务已经卡住。',
    ),
    fixes: [
      l(
        'Copy the access address again from the console, port included (a name server usually listens on 9876).',
        '从控制台重新复制接入地址，包括端口（NameServer 通常在 9876）。',
      ),
      l(
        'Run `mq-tutor doctor rocketmq` to see how far the connection gets.',
        '运行 `mq-tutor doctor rocketmq`，查看连接能走到哪一步。',
      ),
    ],
  },
  RMQ_UNKNOWN_PROTOCOL: {
    title: l('The address speaks neither RocketMQ protocol', '该地址两种 RocketMQ 协议都不使用'),
    explanation: l(
      '{endpoint} accepts connections, but answers neither as a name server (remoting) nor as a gRPC endpoint (HTTP/2). It may be another service, or a port of the cluster meant for something else.',
      '{endpoint} 接受连接，但既不以 NameServer（Remoting）应答，也不以 gRPC 接入点（HTTP/2）应答。它可能是别的服务，或集群上另有用途的端口。',
    ),
    fixes: [
      l(
        'Copy the access address from the console: a 4.x cluster shows a name server (http://…:9876), a 5.x cluster a gRPC endpoint.',
        '从控制台复制接入地址：4.x 集群显示 NameServer（http://…:9876），5.x 集群显示 gRPC 接入点。',
      ),
      l(
        'Run `mq-tutor doctor rocketmq` to see what the port does speak.',
        '运行 `mq-tutor doctor rocketmq` 查看该端口实际使用的协议。',
      ),
    ],
  },
  RMQ_NO_ROUTE: {
    title: l('The name server knows no broker for this topic', 'NameServer 不知道哪个 Broker 承载该 Topic'),
    explanation: l(
      'The name server at {nameServer} answered, but has no route for topic "{topic}": no broker it knows serves a topic of that name. Either the topic does not exist under that name, or the brokers that held it are gone. A TDMQ 4.x cluster knows topics only by their full name, the namespace’s full name, %, and the topic.',
      '{nameServer} 的 NameServer 有应答，但没有 Topic “{topic}” 的路由：它所知道的 Broker 都不承载这个名称的 Topic。可能是该名称的 Topic 不存在，或者承载它的 Broker 已经不在。TDMQ 4.x 集群只认全称：命名空间全称 + % + Topic 名称。',
    ),
    fixes: [
      l(
        'Copy the topic’s full name from the console (cluster-id|namespace%topic), or give the namespace so mq-tutor builds it.',
        '从控制台复制 Topic 全称（集群ID|命名空间%Topic），或填写命名空间，由 mq-tutor 拼出全称。',
      ),
      l(
        'Check on the console that the topic exists in this cluster (the sandbox’s: tutorial-topic, rocketmq-sandbox|tutorial%tutorial-topic).',
        '在控制台确认该 Topic 确实在这个集群中（沙箱有 tutorial-topic 和 rocketmq-sandbox|tutorial%tutorial-topic）。',
      ),
    ],
  },
  RMQ_TOPIC_FULL_NAME: {
    title: l('The topic needs its full name', 'Topic 需要使用全称'),
    explanation: l(
      'The name server has no topic "{topic}", but it has "{fullName}". A TDMQ 4.x cluster, which the document’s SDK talks to, knows a topic only by its full name: the namespace’s full name, %, and the topic.',
      'NameServer 中没有 Topic “{topic}”，但有 “{fullName}”。文档所用 SDK 连接的 TDMQ 4.x 集群只认 Topic 全称：命名空间全称 + % + Topic 名称。',
    ),
    fixes: [
      l('Use the full name: --set topic="{fullName}".', '改用全称：--set topic="{fullName}"。'),
      l(
        'Or give the namespace (the part before %) as namespace, and mq-tutor builds the full name.',
        '或者把 % 之前的部分填为 namespace，由 mq-tutor 拼出全称。',
      ),
    ],
  },
  RMQ_GROUP_FULL_NAME: {
    title: l('The group needs its full name', '消费组需要使用全称'),
    explanation: l(
      'The broker has no group "{group}", but it has "{fullName}". On a TDMQ 4.x cluster a group, like a topic, is known by its full name: the namespace’s full name, %, and the group.',
      'Broker 中没有消费组 “{group}”，但有 “{fullName}”。在 TDMQ 4.x 集群中，消费组和 Topic 一样只认全称：命名空间全称 + % + 消费组名称。',
    ),
    fixes: [l('Use the full name: --set group="{fullName}".', '改用全称：--set group="{fullName}"。')],
  },
  RMQ_NO_BROKERS: {
    title: l('The name server knows no broker at all', 'NameServer 上没有任何 Broker'),
    explanation: l(
      'The name server at {nameServer} answers, but no broker is registered with it, so it can route no topic, "{topic}" included. The brokers are down, or they register with another name server.',
      '{nameServer} 的 NameServer 有应答，但没有任何 Broker 在它上面注册，所以它无法为任何 Topic（包括 “{topic}”）提供路由。可能是 Broker 已停止，或者它们注册在另一个 NameServer 上。',
    ),
    fixes: [
      l(
        'Check that the address is this cluster’s name server (Get Access Address in the console).',
        '确认该地址是这个集群的 NameServer（控制台“获取接入地址”）。',
      ),
      l(
        'On a cluster you run yourself: start the broker with namesrvAddr pointing at this name server. On the sandbox: mq-tutor sandbox up.',
        '如果集群由你自己运维：启动 Broker，并把 namesrvAddr 指向这个 NameServer。沙箱：mq-tutor sandbox up。',
      ),
    ],
  },
  RMQ_KEYS_SWAPPED: {
    title: l('The access key and the secret key are swapped', 'AccessKey 与 SecretKey 填反了'),
    explanation: l(
      'The broker refused the keys as given, and accepted them the other way round: the value given as accessKey is the secret key, and the other way round.',
      'Broker 拒绝了按原样填写的密钥，但接受了交换后的密钥：填为 accessKey 的值其实是 SecretKey，反之亦然。',
    ),
    fixes: [
      l(
        'Swap them: accessKey is the role’s key (the Key column of Role Management), secretKey is the role name.',
        '把两者对调：accessKey 是角色的密钥（“角色管理”的密钥列），secretKey 是角色名称。',
      ),
    ],
  },
  RMQ_BROKER_UNREACHABLE: {
    title: l(
      'The name server answers, but the broker it hands out cannot be reached',
      'NameServer 可达，但它给出的 Broker 地址连不上',
    ),
    explanation: l(
      'The name server told this client that topic "{topic}" is served by a broker at {address}, and that address does not answer from here ({code}). This is the classic trap of the public network: the name server has a public address, but the brokers it hands out are private (VPC) addresses, or a firewall lets only the name server through.',
      'NameServer 告诉客户端，Topic “{topic}” 由地址为 {address} 的 Broker 承载，但从本机连不上这个地址（{code}）。这是公网访问的典型陷阱：NameServer 有公网地址，但它给出的 Broker 地址是私有网络（VPC）地址，或者防火墙只放行了 NameServer。',
    ),
    fixes: [
      l(
        'Use the public access address the console gives for this cluster (Get Access Address, public network), not the VPC one.',
        '使用控制台为该集群提供的公网接入地址（“获取接入地址”中的公网地址），不要用 VPC 地址。',
      ),
      l(
        'Run from inside the cluster’s VPC, or open the brokers’ ports to this machine.',
        '在集群所在的 VPC 内运行，或者为本机放通 Broker 的端口。',
      ),
      l(
        '`mq-tutor doctor rocketmq` checks every broker the route lists.',
        '`mq-tutor doctor rocketmq` 会逐个检查路由中列出的 Broker。',
      ),
    ],
  },
  RMQ_NOT_GRPC: {
    title: l('The endpoint does not speak gRPC', '接入点不是 gRPC 服务'),
    explanation: l(
      '{endpoint} accepts connections but does not answer as a gRPC (HTTP/2) server.',
      '{endpoint} 接受连接，但没有以 gRPC（HTTP/2）服务应答。',
    ),
    fixes: [
      l(
        'Use the gRPC access point from the console (the sandbox proxy is 127.0.0.1:8081).',
        '改用控制台中的 gRPC 接入地址（沙箱 Proxy 为 127.0.0.1:8081）。',
      ),
    ],
  },
  RMQ_TOPIC_NOT_FOUND: {
    title: l('The topic does not exist', 'Topic 不存在'),
    explanation: l(
      'The cluster at {endpoints} knows no topic "{topic}". In TDMQ, a topic name may need the namespace in front of it (the full name).',
      '{endpoints} 的集群中没有 Topic “{topic}”。在 TDMQ 中，Topic 名称可能需要带上命名空间前缀（即全称）。',
    ),
    fixes: [
      l(
        'Copy the topic name from the console’s Topic page; check whether your cluster needs the full name (cluster-id|namespace%topic).',
        '从控制台 Topic 页面复制名称；确认集群是否需要全称（集群ID|命名空间%Topic）。',
      ),
    ],
  },
  RMQ_GROUP_NOT_FOUND: {
    title: l('The consumer group does not exist', '消费组不存在'),
    explanation: l(
      'The cluster at {endpoints} knows no group "{group}". Groups are created in the console before use; a TDMQ 4.x cluster knows them by their full name (namespace%group).',
      '{endpoints} 的集群中没有消费组 “{group}”。消费组需要先在控制台创建；TDMQ 4.x 集群只认全称（命名空间%Group）。',
    ),
    fixes: [
      l(
        'Create the group on the console’s Group page, or copy the exact (full) name from there.',
        '在控制台 Group 页面创建该组，或从那里复制准确的（全称）名称。',
      ),
    ],
  },
  RMQ_MESSAGE_TYPE_MISMATCH: {
    title: l('The topic is for another message type', 'Topic 的消息类型不匹配'),
    explanation: l(
      'Topic "{topic}" was created for another message type (e.g. FIFO, delay or transaction) than the normal message this step sends.',
      'Topic “{topic}” 创建时的消息类型（如顺序、延时或事务）与本步骤发送的普通消息不同。',
    ),
    fixes: [
      l(
        'Use a topic of type Normal, or create one in the console.',
        '使用类型为“普通”的 Topic，或在控制台新建一个。',
      ),
    ],
  },
  RMQ_TIMEOUT: {
    title: l('The cluster did not answer in time', '集群未能及时响应'),
    explanation: l(
      'The client could not get an answer from {endpoints} in time.',
      '客户端未能及时从 {endpoints} 获得响应。',
    ),
    fixes: [
      l(
        'Run the check-network step to see whether the endpoint is reachable.',
        '运行 check-network 步骤，查看接入点是否可达。',
      ),
      l('For the sandbox: `mq-tutor sandbox status`.', '如使用沙箱：`mq-tutor sandbox status`。'),
    ],
  },
  RMQ_BROKER_BUSY: {
    title: l('The broker asked to slow down', '服务端繁忙，要求客户端放慢速度'),
    explanation: l(
      'The broker at {endpoints} refused the request for now: it is under flow control, because it is busy or because the instance is over its messages-per-second limit.',
      '{endpoints} 的服务端暂时拒绝了请求：它正处于流控状态，原因是负载过高，或实例超出了每秒消息数（TPS）上限。',
    ),
    fixes: [
      l('Wait a few seconds and retry the step.', '等待几秒后重试本步骤。'),
      l(
        'If it keeps happening on a cloud instance, check its TPS limit and current load on the console’s monitoring page.',
        '如果云上实例反复出现，请在控制台的监控页面查看实例的 TPS 上限与当前负载。',
      ),
      l('For the sandbox: `mq-tutor sandbox status`.', '如使用沙箱：`mq-tutor sandbox status`。'),
    ],
  },
  RMQ_CONSUME_NOT_SEEN: {
    title: l('The message of this run did not arrive', '没有收到本次运行发送的消息'),
    explanation: l(
      'Group "{group}" subscribed to "{topic}" with tag expression "{tag}", which matches the message’s tag, but did not receive the message produced in this run in {seconds} s. Another consumer of the same group has probably received it first: it comes back to the group only if that consumer does not acknowledge it.',
      '消费组 “{group}” 以能匹配消息 Tag 的表达式 “{tag}” 订阅了 “{topic}”，但 {seconds} 秒内没有收到本次运行发送的消息。很可能同组的其他消费者先收到了它：只有那个消费者不确认时，消息才会重新投递给该组。',
    ),
    fixes: [
      l(
        'Use a group of your own in a shared workshop (e.g. tutorial-<your name>), created in the console first.',
        '多人共用时请使用自己的消费组（如 tutorial-<你的名字>），并先在控制台创建。',
      ),
    ],
  },
  RMQ_CONSUME_TAG_MISMATCH: {
    title: l('The subscription does not match the message’s tag', '订阅表达式与消息的 Tag 不匹配'),
    explanation: l(
      'The message of this run was sent to "{topic}" with tag "{sentTag}", but the consumer would subscribe with the tag expression "{tag}", which does not include it. The broker filters by tag, so group "{group}" would never receive it; the step stopped before subscribing.',
      '本次运行的消息以 Tag “{sentTag}” 发送到了 “{topic}”，但消费者将使用的 Tag 表达式 “{tag}” 不包含它。服务端按 Tag 过滤，消费组 “{group}” 永远收不到这条消息；因此本步骤在订阅之前就停止了。',
    ),
    fixes: [
      l(
        'Subscribe with the tag the message was sent with, or with * for all tags: --set tag={sentTag}.',
        '用发送消息时的 Tag 订阅，或用 * 订阅全部 Tag：--set tag={sentTag}。',
      ),
      l(
        'Or send again with a tag that the expression covers: run from the produce step (--step produce).',
        '或用表达式能覆盖的 Tag 重新发送：从生产步骤开始运行（--step produce）。',
      ),
    ],
  },
  RMQ_VERIFY_MISMATCH: {
    title: l('The consumer saw a different message', '消费到的不是同一条消息'),
    explanation: l(
      'The producer got message ID {messageId} back, but the consumer reported {seenId}.',
      '生产者返回的消息 ID 是 {messageId}，而消费者报告的是 {seenId}。',
    ),
    fixes: [l('Run produce, consume and verify again in one go.', '依次重新运行生产、消费和验证。')],
  },
  RMQ_VERIFY_NOT_ACKED: {
    title: l('The message was not acknowledged', '消息没有被确认'),
    explanation: l(
      'Message {messageId} reached group {group}, but it is not recorded as consumed; it will be delivered again.',
      '消息 {messageId} 已到达消费组 {group}，但没有记为已消费，之后会被重新投递。',
    ),
    fixes: [
      l(
        'Run consume again and let it finish: it acknowledges the message before it stops.',
        '重新运行消费步骤并等待其完成：它会在结束前确认该消息。',
      ),
    ],
  },
  STEP_TIMEOUT: {
    title: l('The step ran out of time', '步骤超时'),
    explanation: l(
      'The step did not finish within {seconds} s, so it was stopped.',
      '步骤在 {seconds} 秒内没有完成，已被停止。',
    ),
    fixes: [
      l(
        'Run the check-network step to see whether the broker is reachable, then retry.',
        '运行 check-network 步骤确认服务端可达后重试。',
      ),
    ],
  },
  UNEXPECTED: {
    title: l('Something unexpected went wrong', '发生了意外错误'),
    explanation: l(
      'The step failed with an error mq-tutor does not recognise. The technical cause is shown below.',
      '步骤因 mq-tutor 无法识别的错误而失败。技术原因见下方。',
    ),
    fixes: [
      l(
        'Retry the step; if it fails again, run `mq-tutor report` and attach the report to a support ticket.',
        '重试该步骤；若仍失败，运行 `mq-tutor report` 并把报告附在工单中。',
      ),
    ],
  },
} satisfies Record<string, DiagnosisText>;

export type DiagnosisCode = keyof typeof DIAGNOSES;

/** `"a {x} b {y}"` -> `"x" | "y"`. */
type SlotsIn<Text> = Text extends `${string}{${infer Name}}${infer Rest}` ? Name | SlotsIn<Rest> : never;

type TextsOf<Entry> = Entry extends { title: infer T; explanation: infer E; fixes: readonly (infer F)[] }
  ? T | E | F
  : never;

/** Every {slot} the texts of a code have, in either language. */
export type DiagnosisSlots<Code extends DiagnosisCode> = SlotsIn<
  TextsOf<(typeof DIAGNOSES)[Code]> extends infer L
    ? L extends Localized
      ? L['en'] | L['zh']
      : never
    : never
>;

type ValuesFor<Code extends DiagnosisCode> = [DiagnosisSlots<Code>] extends [never]
  ? { values?: Record<string, never> }
  : { values: Record<DiagnosisSlots<Code>, string | number> };

/**
 * A diagnosis as its emitters build it: the code must be in the catalogue, and every slot of the
 * code's texts must get a value, so that a typo in a code or a slot nobody fills fails to compile.
 */
export type CodedDiagnosis = {
  [Code in DiagnosisCode]: { code: Code; cause?: string } & ValuesFor<Code>;
}[DiagnosisCode];

export function diagnosisText(code: string): DiagnosisText {
  return (DIAGNOSES as Record<string, DiagnosisText>)[code] ?? DIAGNOSES.UNEXPECTED;
}
