import type { Localized } from '../lang.js';

/**
 * `mq-tutor doctor`: the verdict (the most likely cause in one sentence, and its fix), the
 * evidence lines, and each probe as a line. Every verdict code of src/doctor/verdict/ has a
 * `doctor.verdict.*` and a `doctor.fix.*` entry (a unit test checks it).
 */
export const doctorMessages = {
  'doctor.usage': {
    en: 'Usage: mq-tutor doctor <{known}> [--profile p | --sandbox] [--set key=value …] [--json] [--report file.md] [--lang zh|en]',
    zh: '用法：mq-tutor doctor <{known}> [--profile p | --sandbox] [--set 键=值 …] [--json] [--report 文件.md] [--lang zh|en]',
  },
  'doctor.heading': {
    en: 'mq-tutor doctor: {tutorial}, profile "{profile}", {count} probes in {time}',
    zh: 'mq-tutor doctor：{tutorial}，配置档“{profile}”，{count} 项探测，用时 {time}',
  },
  'doctor.mostLikely': { en: 'Most likely: {sentence}', zh: '最可能的原因：{sentence}' },
  'doctor.healthy': {
    en: 'Nothing is wrong: every hop answered as it should, and nothing on the broker was changed.',
    zh: '没有发现问题：每一跳都按预期应答，且未改动服务端的任何内容。',
  },
  'doctor.evidenceHeading': { en: 'Evidence:', zh: '依据：' },
  'doctor.hopsHeading': { en: 'Latency of each hop:', zh: '每一跳的耗时：' },
  'doctor.fixHeading': { en: 'Fix: {fix}', zh: '处理方法：{fix}' },
  'doctor.alsoHeading': { en: 'Also found:', zh: '另外还发现：' },
  'doctor.probesHeading': { en: 'Probes:', zh: '探测明细：' },
  'doctor.route.remoting': {
    en: 'Route: the name server (remoting), the document’s route for 4.x clusters.',
    zh: '路由：经 NameServer（remoting 协议），即文档针对 4.x 集群的方式。',
  },
  'doctor.route.grpc': {
    en: 'Route: a gRPC proxy (RocketMQ 5.x). It shows no brokers behind it, so the doctor checks what the proxy answers: the keys, the topic’s route and the group.',
    zh: '路由：gRPC 代理（RocketMQ 5.x）。代理不暴露其后的 Broker，因此只检查代理的应答：密钥、Topic 路由和消费组。',
  },
  'doctor.reportWritten': { en: 'Report written to {file}.', zh: '报告已写入 {file}。' },
  'doctor.reportUnwritable': {
    en: 'The report could not be written to {file} ({code}). Choose a folder you can write to.',
    zh: '无法把报告写入 {file}（{code}）。请换一个有写权限的目录。',
  },
  'doctor.notBroker': {
    en: 'The tutorial {tutorial} has no broker the doctor can check (it checks kafka and rocketmq tutorials).',
    zh: '教程 {tutorial} 没有 doctor 能检查的服务端（只支持 kafka 与 rocketmq 类教程）。',
  },

  'doctor.report.title': { en: 'mq-tutor doctor report', zh: 'mq-tutor doctor 诊断报告' },
  'doctor.report.verdict': { en: 'Verdict', zh: '结论' },
  'doctor.report.evidence': { en: 'Evidence', zh: '依据' },
  'doctor.report.fix': { en: 'Fix', zh: '处理方法' },
  'doctor.report.also': { en: 'Also found', zh: '另外还发现' },
  'doctor.report.hops': { en: 'Latency of each hop', zh: '每一跳的耗时' },
  'doctor.report.probes': { en: 'Probes', zh: '探测明细' },
  'doctor.report.col.probe': { en: 'Probe', zh: '探测' },
  'doctor.report.col.result': { en: 'Result', zh: '结果' },
  'doctor.report.col.time': { en: 'Time', zh: '用时' },
  'doctor.report.paramsNote': {
    en: 'The values the doctor used, resolved as a run of the tutorial would resolve them now. Secrets show only whether they are set.',
    zh: 'doctor 使用的取值，按现在运行该教程时的方式解析。密钥只显示是否已设置。',
  },
  'doctor.report.lastRun': {
    en: 'The last run of this tutorial in this profile follows, as `mq-tutor report` writes it.',
    zh: '以下是该配置档中此教程上一次运行的报告（与 `mq-tutor report` 的输出相同）。',
  },
  'doctor.report.footer': {
    en: 'Paste this report into your support ticket as it is. Made with: mq-tutor doctor {tutorial} --profile {profile} --report …',
    zh: '可将本报告原样粘贴到工单中。生成命令：mq-tutor doctor {tutorial} --profile {profile} --report …',
  },

  // The verdicts: one sentence each, then the fix.
  'doctor.verdict.MISSING_PARAM': {
    en: 'a parameter the connection needs is not set: {params}.',
    zh: '连接所需的参数没有设置：{params}。',
  },
  'doctor.fix.MISSING_PARAM': {
    en: 'Give it with --set key=value or an MQ_TUTOR_* variable, or run the tutorial once and type it there (mq-tutor run keeps it in the profile).',
    zh: '用 --set 键=值 或 MQ_TUTOR_* 环境变量提供它，或先运行一次教程在其中输入（mq-tutor run 会把它保存在配置档中）。',
  },
  'doctor.verdict.UNKNOWN_HOST': {
    en: 'the name {host} does not resolve to any address ({code}).',
    zh: '名称 {host} 无法解析出任何地址（{code}）。',
  },
  'doctor.fix.UNKNOWN_HOST': {
    en: 'Copy the address again from the console instead of typing it, and check this machine’s DNS (`getent hosts {host}`).',
    zh: '从控制台重新复制地址，不要手工输入；并检查本机 DNS（`getent hosts {host}`）。',
  },
  'doctor.verdict.PRIVATE_ADDRESS': {
    en: '{server} resolves to {address}, a private (VPC) address in {range}, which cannot be reached from outside its VPC.',
    zh: '{server} 解析到 {address}，这是 {range} 网段内的私有（VPC）地址，在该 VPC 之外无法访问。',
  },
  'doctor.fix.PRIVATE_ADDRESS': {
    en: 'Use the public network access point: in the console’s access information, copy the address of the public network row (not the VPC one), or run from a machine inside that VPC.',
    zh: '请使用公网接入点：在控制台的接入信息中复制“公网”那一行的地址（而不是 VPC 地址），或在该 VPC 内的机器上运行。',
  },
  'doctor.verdict.PORT_CLOSED': {
    en: 'nothing listens at {server}: the machine answered, but refused the connection on that port.',
    zh: '{server} 上没有服务在监听：机器有应答，但拒绝了该端口的连接。',
  },
  'doctor.fix.PORT_CLOSED': {
    en: 'Compare the port with the console (the public SASL_PLAINTEXT and SASL_SSL points, and a name server and a gRPC proxy, each have their own). For the sandbox: `mq-tutor sandbox status`.',
    zh: '与控制台核对端口（公网 SASL_PLAINTEXT 与 SASL_SSL 接入点、NameServer 与 gRPC 代理的端口各不相同）。沙箱请查看 `mq-tutor sandbox status`。',
  },
  'doctor.verdict.NO_ANSWER': {
    en: 'a connection to {server} got no answer at all ({code}): traffic to it is dropped on the way.',
    zh: '连接 {server} 完全没有应答（{code}）：流量在途中被丢弃了。',
  },
  'doctor.fix.NO_ANSWER': {
    en: 'Check that public network access is enabled on the instance, and that its allow-list or security group admits this machine’s public IP.',
    zh: '确认实例已开通公网访问，并且白名单或安全组放行了本机的公网 IP。',
  },
  'doctor.verdict.NETWORK_UNREACHABLE': {
    en: 'this machine has no route to {server} ({code}).',
    zh: '本机没有到 {server} 的路由（{code}）。',
  },
  'doctor.fix.NETWORK_UNREACHABLE': {
    en: 'Check this machine’s network connection, VPN and proxy settings; `ip route get {address}` shows which way it would go.',
    zh: '检查本机的网络连接、VPN 和代理设置；`ip route get {address}` 可以看到流量会走哪条路由。',
  },
  'doctor.verdict.SOME_SERVERS_DOWN': {
    en: 'some of the addresses given do not serve: {servers}. The client gets by with {using}, but loses that choice.',
    zh: '所给地址中有的无法使用：{servers}。客户端还能通过 {using} 连接，但失去了备选。',
  },
  'doctor.fix.SOME_SERVERS_DOWN': {
    en: 'Remove or correct those addresses (copy the list again from the console), so that the client does not depend on one server.',
    zh: '删除或更正这些地址（从控制台重新复制整组地址），避免客户端只依赖一个服务端。',
  },
  'doctor.verdict.INCONCLUSIVE': {
    en: 'some probes did not come to an answer in time ({what}), so the doctor cannot name a cause.',
    zh: '部分探测未能及时得出结果（{what}），因此无法判断原因。',
  },
  'doctor.fix.INCONCLUSIVE': {
    en: 'Run `mq-tutor doctor` again; if it stays so, the broker or the network is slow: attach the report (--report file.md) to a support ticket.',
    zh: '再运行一次 `mq-tutor doctor`；如果仍然如此，说明服务端或网络很慢：请把报告（--report 文件.md）附在工单中。',
  },
  'doctor.verdict.TLS_PORT_AS_PLAINTEXT': {
    en: '{server} is a TLS port (SASL_SSL), but the security protocol is SASL_PLAINTEXT.',
    zh: '{server} 是 TLS 端口（SASL_SSL），但安全协议设成了 SASL_PLAINTEXT。',
  },
  'doctor.fix.TLS_PORT_AS_PLAINTEXT': {
    en: 'Either set securityProtocol=SASL_SSL (and caFile to CARoot.pem), or use the SASL_PLAINTEXT access point’s port from the console.',
    zh: '要么设置 securityProtocol=SASL_SSL（并把 caFile 设为 CARoot.pem），要么改用控制台中 SASL_PLAINTEXT 接入点的端口。',
  },
  'doctor.verdict.PLAINTEXT_PORT_AS_TLS': {
    en: '{server} is a plaintext Kafka port (SASL_PLAINTEXT), but the security protocol is SASL_SSL.',
    zh: '{server} 是明文 Kafka 端口（SASL_PLAINTEXT），但安全协议设成了 SASL_SSL。',
  },
  'doctor.fix.PLAINTEXT_PORT_AS_TLS': {
    en: 'Either set securityProtocol=SASL_PLAINTEXT, or use the SASL_SSL access point’s port from the console.',
    zh: '要么设置 securityProtocol=SASL_PLAINTEXT，要么改用控制台中 SASL_SSL 接入点的端口。',
  },
  'doctor.verdict.NOT_KAFKA': {
    en: '{server} does not speak Kafka at all (it answered as: {spoken}).',
    zh: '{server} 根本不是 Kafka 端口（它的应答是：{spoken}）。',
  },
  'doctor.fix.NOT_KAFKA': {
    en: 'Copy the bootstrap address from the CKafka console’s access information; the port of another service will not do.',
    zh: '从 CKafka 控制台的接入信息中复制接入地址；其他服务的端口不能使用。',
  },
  'doctor.verdict.CA_FILE_UNUSABLE': {
    en: 'the CA file {file} cannot be used ({problem}).',
    zh: 'CA 文件 {file} 无法使用（{problem}）。',
  },
  'doctor.fix.CA_FILE_UNUSABLE': {
    en: 'Download CARoot.pem again from the certificate link in the CKafka document and set caFile to its path; it must begin with -----BEGIN CERTIFICATE-----.',
    zh: '从 CKafka 文档的证书链接重新下载 CARoot.pem，并把 caFile 设为它的路径；文件应以 -----BEGIN CERTIFICATE----- 开头。',
  },
  'doctor.verdict.CA_MISMATCH': {
    en: 'the CA file {file} did not sign the certificate {server} presents (issued by {issuer}).',
    zh: 'CA 文件 {file} 并未签发 {server} 出示的证书（签发者为 {issuer}）。',
  },
  'doctor.fix.CA_MISMATCH': {
    en: 'Use the CARoot.pem that belongs to this instance’s region and product (download it again from the CKafka document); a CA file of another service or region will not verify it.',
    zh: '请使用与该实例地域和产品对应的 CARoot.pem（从 CKafka 文档重新下载）；其他服务或地域的 CA 文件无法验证它。',
  },
  'doctor.verdict.CERT_EXPIRED': {
    en: 'the certificate {server} presents is outside its validity (valid to {validTo}), or this machine’s clock is wrong.',
    zh: '{server} 出示的证书不在有效期内（有效期至 {validTo}），或本机时钟不准。',
  },
  'doctor.fix.CERT_EXPIRED': {
    en: 'Check this machine’s date and time first; if it is right, the broker’s certificate must be renewed: open a ticket with this report.',
    zh: '先检查本机日期和时间；如果无误，则需要更新服务端证书：请附上本报告提交工单。',
  },
  'doctor.verdict.HOSTNAME_MISMATCH': {
    en: 'the certificate {server} presents is for other names ({altNames}), and checkHostname is on.',
    zh: '{server} 出示的证书属于其他名称（{altNames}），而 checkHostname 已开启。',
  },
  'doctor.fix.HOSTNAME_MISMATCH': {
    en: 'Connect by a name the certificate lists, or set checkHostname=false as the document does (the chain is still checked).',
    zh: '改用证书中列出的名称连接，或像文档那样设置 checkHostname=false（证书链仍会校验）。',
  },
  'doctor.verdict.TLS_REFUSED': {
    en: 'the certificate {server} presents was refused ({issuer}).',
    zh: '{server} 出示的证书被拒绝（{issuer}）。',
  },
  'doctor.fix.TLS_REFUSED': {
    en: 'Attach the report (--report file.md) to a ticket: it shows the certificate and the code the check gave.',
    zh: '请把报告（--report 文件.md）附在工单中：其中有证书信息和校验给出的错误码。',
  },
  'doctor.verdict.MECHANISM_NOT_OFFERED': {
    en: '{server} does not offer the SASL mechanism {wanted} (it offers: {offered}).',
    zh: '{server} 不提供 SASL 机制 {wanted}（它提供的是：{offered}）。',
  },
  'doctor.fix.MECHANISM_NOT_OFFERED': {
    en: 'CKafka’s public access points use PLAIN: check that this is the public SASL access point of the instance, not another listener.',
    zh: 'CKafka 公网接入点使用 PLAIN：请确认这是实例的公网 SASL 接入点，而不是其他监听端口。',
  },
  'doctor.verdict.USERNAME_NO_INSTANCE': {
    en: 'the user name "{user}" lacks the instance ID: CKafka expects instanceId#username, and refused the login.',
    zh: '用户名“{user}”缺少实例 ID：CKafka 要求 实例ID#用户名 的形式，因此拒绝了登录。',
  },
  'doctor.fix.USERNAME_NO_INSTANCE': {
    en: 'Put the instance ID and # in front of the user name, e.g. ckafka-abc123#{user}; the ID is on the instance’s Basic Information page.',
    zh: '在用户名前加上实例 ID 和 #，例如 ckafka-abc123#{user}；实例 ID 在实例的“基本信息”页。',
  },
  'doctor.verdict.LOGIN_REFUSED': {
    en: 'the password is wrong for "{user}" (or that user does not exist on this instance): the broker offers PLAIN and refused the login.',
    zh: '“{user}” 的密码错误（或该实例上没有这个用户）：服务端支持 PLAIN，但拒绝了这次登录。',
  },
  'doctor.fix.LOGIN_REFUSED': {
    en: 'Enter the password set for this user under the instance’s User Management again (reset it there if nobody knows it), and check that the user belongs to this instance.',
    zh: '重新输入在实例“用户管理”中为该用户设置的密码（若无人记得可在那里重置），并确认该用户属于此实例。',
  },
  'doctor.verdict.ADVERTISED_UNREACHABLE': {
    en: 'the bootstrap server {bootstrap} works, but the broker address it hands out, {address}, cannot be reached from here ({code}).',
    zh: '接入地址 {bootstrap} 可用，但它下发的 Broker 地址 {address} 在本机无法访问（{code}）。',
  },
  'doctor.fix.ADVERTISED_UNREACHABLE': {
    en: 'This is a route or listener problem, not one of your settings: the client must reach every address the metadata lists. Check public access routing for the instance, or open a ticket with this report.',
    zh: '这是路由或监听配置问题，而不是您的参数问题：客户端必须能访问元数据中列出的每个地址。请检查实例的公网路由，或附上本报告提交工单。',
  },
  'doctor.verdict.TOPIC_MISSING': {
    en: 'the topic {topic} does not exist on this instance.',
    zh: 'Topic {topic} 在该实例上不存在。',
  },
  'doctor.fix.TOPIC_MISSING': {
    en: 'Copy the topic name from the instance’s Topic Management page (names are case-sensitive), or create the topic there.',
    zh: '从实例的“Topic 管理”页复制 Topic 名称（区分大小写），或在那里创建该 Topic。',
  },
  'doctor.verdict.TOPIC_DENIED': {
    en: 'the user "{user}" may not use the topic {topic} (refused: {ops}), or no topic of that name is visible to it.',
    zh: '用户“{user}”无权使用 Topic {topic}（被拒绝的操作：{ops}），或该用户看不到这个名称的 Topic。',
  },
  'doctor.fix.TOPIC_DENIED': {
    en: 'Under the instance’s ACL Policy Management, allow this user to describe, write and read the topic; and check the topic name.',
    zh: '在实例的“ACL 策略管理”中允许该用户对此 Topic 进行查看、写入和读取；同时核对 Topic 名称。',
  },
  'doctor.verdict.GROUP_DENIED': {
    en: 'the user "{user}" may not use the consumer group {group} (refused: {ops}).',
    zh: '用户“{user}”无权使用消费组 {group}（被拒绝的操作：{ops}）。',
  },
  'doctor.fix.GROUP_DENIED': {
    en: 'Under the instance’s ACL Policy Management, allow this user to read the group (a prefix rule covers a family of groups), or use a group it may read.',
    zh: '在实例的“ACL 策略管理”中允许该用户读取此消费组（可用前缀规则覆盖一组消费组），或改用它有权读取的消费组。',
  },
  'doctor.verdict.RMQ_NAMESERVER_FOR_GRPC': {
    en: '{server} is a name server (remoting, a 4.x cluster’s address), but the protocol is set to grpc.',
    zh: '{server} 是 NameServer（remoting 协议，4.x 集群的地址），但协议设成了 grpc。',
  },
  'doctor.fix.RMQ_NAMESERVER_FOR_GRPC': {
    en: 'Set protocol=remoting (or auto) to take the document’s route through this name server; for gRPC, use the 5.x cluster’s gRPC access point (port 8081) instead.',
    zh: '设置 protocol=remoting（或 auto）以按文档的方式经此 NameServer 连接；若要使用 gRPC，请改用 5.x 集群的 gRPC 接入点（端口 8081）。',
  },
  'doctor.verdict.RMQ_GRPC_FOR_REMOTING': {
    en: '{server} is a gRPC proxy (5.x), but the protocol is set to remoting, which needs a name server.',
    zh: '{server} 是 gRPC 代理（5.x），但协议设成了 remoting，而 remoting 需要 NameServer 地址。',
  },
  'doctor.fix.RMQ_GRPC_FOR_REMOTING': {
    en: 'Set protocol=grpc (or auto) for this address, or give the name server address of a 4.x cluster (the console prints it as http://…:9876).',
    zh: '对该地址设置 protocol=grpc（或 auto），或改填 4.x 集群的 NameServer 地址（控制台显示为 http://…:9876）。',
  },
  'doctor.verdict.RMQ_NOT_ROCKETMQ': {
    en: '{server} is neither a name server nor a gRPC proxy (it answered as: {spoken}).',
    zh: '{server} 既不是 NameServer 也不是 gRPC 代理（它的应答是：{spoken}）。',
  },
  'doctor.fix.RMQ_NOT_ROCKETMQ': {
    en: 'Copy the access address from the TDMQ for RocketMQ console (the cluster’s access information); the port of another service will not do.',
    zh: '从 TDMQ RocketMQ 控制台（集群的接入信息）复制接入地址；其他服务的端口不能使用。',
  },
  'doctor.verdict.RMQ_NO_BROKERS': {
    en: 'the name server {nameServer} answers, but no broker is registered with it, so no topic has a route.',
    zh: 'NameServer {nameServer} 有应答，但没有任何 Broker 在其上注册，因此所有 Topic 都没有路由。',
  },
  'doctor.fix.RMQ_NO_BROKERS': {
    en: 'Check that this is the name server of the cluster you mean; if it is, its brokers are down: open a ticket with this report.',
    zh: '确认这是目标集群的 NameServer；如果是，说明其 Broker 已停止：请附上本报告提交工单。',
  },
  'doctor.verdict.RMQ_TOPIC_FULL_NAME': {
    en: 'the topic is known only by its full name: "{topic}" has no route, but {fullName} has.',
    zh: '该 Topic 只能用完整名称访问：“{topic}” 没有路由，而 {fullName} 有。',
  },
  'doctor.fix.RMQ_TOPIC_FULL_NAME': {
    en: 'Set topic={fullName} as the console shows it, or set the namespace parameter so that the full name is built for you.',
    zh: '按控制台显示设置 topic={fullName}，或设置 namespace 参数以自动拼出完整名称。',
  },
  'doctor.verdict.RMQ_TOPIC_MISSING': {
    en: 'the topic {topic} does not exist on this cluster.',
    zh: 'Topic {topic} 在该集群上不存在。',
  },
  'doctor.fix.RMQ_TOPIC_MISSING': {
    en: 'Copy the topic name from the cluster’s Topic page (4.x clusters show the full name, cluster|namespace%topic), or create the topic there.',
    zh: '从集群的 Topic 页复制名称（4.x 集群显示完整名称：集群|命名空间%Topic），或在那里创建该 Topic。',
  },
  'doctor.verdict.RMQ_BROKER_UNREACHABLE': {
    en: 'the name server hands out {address} for broker {broker}, and that address cannot be reached from here ({code}).',
    zh: 'NameServer 为 Broker {broker} 下发的地址是 {address}，而本机无法访问该地址（{code}）。',
  },
  'doctor.fix.RMQ_BROKER_UNREACHABLE': {
    en: 'This is the public-network trap: the name server is reachable but its brokers are on a private network. Use the cluster’s public access point, or run from inside its VPC.',
    zh: '这是公网访问的典型陷阱：NameServer 可以访问，但它的 Broker 在私有网络中。请使用集群的公网接入点，或在其 VPC 内运行。',
  },
  'doctor.verdict.RMQ_KEYS_SWAPPED': {
    en: 'the access key and the secret key are swapped.',
    zh: 'AccessKey 与 SecretKey 填反了。',
  },
  'doctor.fix.RMQ_KEYS_SWAPPED': {
    en: 'Exchange the two values. In TDMQ’s Role Management, accessKey is the role’s key (copied from the Key column) and secretKey is the role name.',
    zh: '把两个值互换。在 TDMQ 的“角色管理”中，accessKey 是角色密钥（从“密钥”列复制），secretKey 是角色名称。',
  },
  'doctor.verdict.RMQ_KEYS_WRONG': {
    en: 'the keys are refused ({why}), and swapping them does not help: they are wrong, not swapped.',
    zh: '密钥被拒绝（{why}），且互换后仍被拒绝：是密钥填错了，而不是填反了。',
  },
  'doctor.fix.RMQ_KEYS_WRONG': {
    en: 'Copy both keys again from the cluster’s Role Management page (the role that has been granted this topic and group).',
    zh: '从集群的“角色管理”页重新复制两个密钥（使用已被授权此 Topic 和消费组的角色）。',
  },
  'doctor.verdict.RMQ_TOPIC_DENIED': {
    en: 'the role may not use the topic {topic} (refused: {actions}), or the topic does not exist under that name.',
    zh: '该角色无权使用 Topic {topic}（被拒绝的操作：{actions}），或该名称的 Topic 不存在。',
  },
  'doctor.fix.RMQ_TOPIC_DENIED': {
    en: 'Grant the role publish and subscribe on this topic in the cluster’s permission settings, and check the topic name.',
    zh: '在集群的权限配置中为该角色授予此 Topic 的生产和消费权限，并核对 Topic 名称。',
  },
  'doctor.verdict.RMQ_GROUP_FULL_NAME': {
    en: 'the group is known only by its full name: "{group}" does not exist, but {fullName} does.',
    zh: '该消费组只能用完整名称访问：“{group}” 不存在，而 {fullName} 存在。',
  },
  'doctor.fix.RMQ_GROUP_FULL_NAME': {
    en: 'Set group={fullName} as the console shows it, or set the namespace parameter.',
    zh: '按控制台显示设置 group={fullName}，或设置 namespace 参数。',
  },
  'doctor.verdict.RMQ_GROUP_MISSING': {
    en: 'the consumer group {group} does not exist on this cluster.',
    zh: '消费组 {group} 在该集群上不存在。',
  },
  'doctor.fix.RMQ_GROUP_MISSING': {
    en: 'Create the group on the cluster’s Group page, or copy the name of one that exists.',
    zh: '在集群的 Group 页创建该消费组，或复制一个已存在的消费组名称。',
  },
  'doctor.verdict.RMQ_GROUP_DENIED': {
    en: 'the role may not subscribe in the consumer group {group}, or the group does not exist under that name.',
    zh: '该角色无权以消费组 {group} 订阅，或该名称的消费组不存在。',
  },
  'doctor.fix.RMQ_GROUP_DENIED': {
    en: 'Grant the role subscribe on this group in the cluster’s permission settings, and check the group name.',
    zh: '在集群的权限配置中为该角色授予此消费组的订阅权限，并核对消费组名称。',
  },

  // Evidence lines.
  'doctor.evidence.missing': { en: 'not set: {params}', zh: '未设置：{params}' },
  'doctor.evidence.dnsFailed': {
    en: 'DNS has no address for {host} ({code})',
    zh: 'DNS 查不到 {host} 的地址（{code}）',
  },
  'doctor.evidence.dnsPrivate': {
    en: '{host} resolves to {address}, inside the private range {range}',
    zh: '{host} 解析为 {address}，位于私有网段 {range}',
  },
  'doctor.evidence.tcpFailed': {
    en: 'a TCP connection to {server} ({address}) failed: {code}',
    zh: '到 {server}（{address}）的 TCP 连接失败：{code}',
  },
  'doctor.evidence.tcpOk': {
    en: '{server} accepts connections ({ms} ms)',
    zh: '{server} 接受连接（{ms} ms）',
  },
  'doctor.evidence.speaks.tls': {
    en: '{server} answered a TLS handshake',
    zh: '{server} 完成了 TLS 握手',
  },
  'doctor.evidence.speaks.kafka': {
    en: '{server} answered a plaintext Kafka SASL handshake, and no TLS handshake',
    zh: '{server} 应答了明文 Kafka SASL 握手，而不应答 TLS 握手',
  },
  'doctor.evidence.speaks.remoting': {
    en: '{server} answered with a remoting frame (a name server)',
    zh: '{server} 以 remoting 帧应答（NameServer）',
  },
  'doctor.evidence.speaks.grpc': {
    en: '{server} answered with HTTP/2 frames (a gRPC proxy)',
    zh: '{server} 以 HTTP/2 帧应答（gRPC 代理）',
  },
  'doctor.evidence.speaks.http1': {
    en: '{server} answered as a web server (HTTP/1)',
    zh: '{server} 以 Web 服务（HTTP/1）应答',
  },
  'doctor.evidence.speaks.silent': {
    en: '{server} accepted the connection and then said nothing',
    zh: '{server} 接受了连接，之后没有任何应答',
  },
  'doctor.evidence.speaks.other': {
    en: '{server} answered with bytes of no protocol the doctor knows',
    zh: '{server} 的应答不属于任何已知协议',
  },
  'doctor.evidence.mechanisms': {
    en: '{server} offers the SASL mechanisms: {mechanisms}',
    zh: '{server} 提供的 SASL 机制：{mechanisms}',
  },
  'doctor.evidence.caFile.unreadable': { en: '{file} cannot be read', zh: '无法读取 {file}' },
  'doctor.evidence.caFile.not-pem': {
    en: '{file} holds no PEM certificate',
    zh: '{file} 中没有 PEM 格式的证书',
  },
  'doctor.evidence.tlsPresented': {
    en: '{server} presents a certificate for {subject}, issued by {issuer}',
    zh: '{server} 出示的证书属于 {subject}，签发者为 {issuer}',
  },
  'doctor.evidence.caFileHolds': { en: '{file} holds: {subjects}', zh: '{file} 中的证书：{subjects}' },
  'doctor.evidence.tlsCode': { en: 'the check against it says: {code}', zh: '校验结果：{code}' },
  'doctor.evidence.usernameNoInstance': {
    en: 'the user name "{user}" has no instanceId# part',
    zh: '用户名“{user}”中没有 实例ID# 部分',
  },
  'doctor.evidence.usernameForm': {
    en: 'the user name "{user}" has the instanceId#user form (instance {instance})',
    zh: '用户名“{user}”符合 实例ID#用户名 的形式（实例 {instance}）',
  },
  'doctor.evidence.loginRefused': {
    en: '{server} refused the login of "{user}": {detail}',
    zh: '{server} 拒绝了“{user}”的登录：{detail}',
  },
  'doctor.evidence.bootstrapWorked': {
    en: 'the login at {server} worked ({ms} ms)',
    zh: '在 {server} 登录成功（{ms} ms）',
  },
  'doctor.evidence.advertises': {
    en: 'its metadata lists the brokers (node=address): {brokers}',
    zh: '其元数据列出的 Broker（节点=地址）：{brokers}',
  },
  'doctor.evidence.advertisedFailed': {
    en: 'a client connection to {address} failed: {code}',
    zh: '客户端到 {address} 的连接失败：{code}',
  },
  'doctor.evidence.topic.allowed': { en: 'topic {topic}: {op} allowed', zh: 'Topic {topic}：{op} 允许' },
  'doctor.evidence.topic.denied': {
    en: 'topic {topic}: {op} refused ({code})',
    zh: 'Topic {topic}：{op} 被拒绝（{code}）',
  },
  'doctor.evidence.topic.missing': {
    en: 'topic {topic}: {op} says it does not exist ({code})',
    zh: 'Topic {topic}：{op} 显示它不存在（{code}）',
  },
  'doctor.evidence.topic.unknown': {
    en: 'topic {topic}: {op} gave no answer ({code})',
    zh: 'Topic {topic}：{op} 无结果（{code}）',
  },
  'doctor.evidence.group.allowed': { en: 'group {group}: {op} allowed', zh: '消费组 {group}：{op} 允许' },
  'doctor.evidence.group.denied': {
    en: 'group {group}: {op} refused ({code})',
    zh: '消费组 {group}：{op} 被拒绝（{code}）',
  },
  'doctor.evidence.group.missing': {
    en: 'group {group}: {op} says it does not exist',
    zh: '消费组 {group}：{op} 显示它不存在',
  },
  'doctor.evidence.group.unknown': {
    en: 'group {group}: {op} gave no answer ({code})',
    zh: '消费组 {group}：{op} 无结果（{code}）',
  },
  'doctor.evidence.routeMissing': {
    en: 'the name server {nameServer} has no route for {topic} ({code})',
    zh: 'NameServer {nameServer} 上没有 {topic} 的路由（{code}）',
  },
  'doctor.evidence.noBrokers': {
    en: 'no broker is registered with {nameServer}',
    zh: '{nameServer} 上没有注册任何 Broker',
  },
  'doctor.evidence.fullNameKnown': {
    en: '{fullName} exists, the full name of {topic}',
    zh: '{fullName} 存在，即 {topic} 的完整名称',
  },
  'doctor.evidence.routeLists': {
    en: 'the name server {nameServer} routes {topic} to: {brokers}',
    zh: 'NameServer {nameServer} 为 {topic} 给出的路由：{brokers}',
  },
  'doctor.evidence.brokerFailed': {
    en: 'a TCP connection to broker {broker} at {address} failed: {code}',
    zh: '到 Broker {broker}（{address}）的 TCP 连接失败：{code}',
  },
  'doctor.evidence.keys.refused.given': {
    en: 'the keys as given were refused at {target} ({why})',
    zh: '按所给顺序的密钥在 {target} 被拒绝（{why}）',
  },
  'doctor.evidence.keys.refused.swapped': {
    en: 'the same keys in swapped order were refused too ({why})',
    zh: '互换顺序后的密钥同样被拒绝（{why}）',
  },
  'doctor.evidence.keys.accepted.given': {
    en: 'the keys as given were accepted at {target}',
    zh: '按所给顺序的密钥在 {target} 被接受',
  },
  'doctor.evidence.keys.accepted.swapped': {
    en: 'the same keys in swapped order were accepted',
    zh: '互换顺序后的密钥被接受了',
  },
  'doctor.evidence.permission.allowed': {
    en: '{resource} {name}: {action} allowed',
    zh: '{resource} {name}：{action} 允许',
  },
  'doctor.evidence.permission.denied': {
    en: '{resource} {name}: {action} refused ({code})',
    zh: '{resource} {name}：{action} 被拒绝（{code}）',
  },
  'doctor.evidence.permission.missing': {
    en: '{resource} {name}: {action} says it does not exist ({code})',
    zh: '{resource} {name}：{action} 显示它不存在（{code}）',
  },
  'doctor.evidence.permission.unknown': {
    en: '{resource} {name}: {action} gave no answer ({code})',
    zh: '{resource} {name}：{action} 无结果（{code}）',
  },
  'doctor.evidence.unsettled': {
    en: '{kind} {target}: no answer ({code})',
    zh: '{kind} {target}：无结果（{code}）',
  },
  'doctor.evidence.hop.dns': { en: 'DNS {target}: {ms} ms', zh: 'DNS {target}：{ms} ms' },
  'doctor.evidence.hop.tcp': { en: 'TCP {target}: {ms} ms', zh: 'TCP {target}：{ms} ms' },
  'doctor.evidence.hop.speaks': { en: 'protocol of {target}: {ms} ms', zh: '{target} 的协议识别：{ms} ms' },
  'doctor.evidence.hop.tls': {
    en: 'TLS handshake with {target}: {ms} ms',
    zh: '与 {target} 的 TLS 握手：{ms} ms',
  },
  'doctor.evidence.hop.mechanisms': {
    en: 'SASL handshake with {target}: {ms} ms',
    zh: '与 {target} 的 SASL 握手：{ms} ms',
  },
  'doctor.evidence.hop.login': { en: 'login at {target}: {ms} ms', zh: '在 {target} 登录：{ms} ms' },
  'doctor.evidence.hop.metadata': {
    en: 'metadata from {target}: {ms} ms',
    zh: '从 {target} 获取元数据：{ms} ms',
  },
  'doctor.evidence.hop.advertised': {
    en: 'advertised broker {target}: {ms} ms',
    zh: '下发的 Broker {target}：{ms} ms',
  },
  'doctor.evidence.hop.topic': { en: 'topic {target}, {op}: {ms} ms', zh: 'Topic {target}，{op}：{ms} ms' },
  'doctor.evidence.hop.group': { en: 'group {target}, {op}: {ms} ms', zh: '消费组 {target}，{op}：{ms} ms' },
  'doctor.evidence.hop.route': { en: 'route of {target}: {ms} ms', zh: '{target} 的路由：{ms} ms' },
  'doctor.evidence.hop.broker': { en: 'broker {target}: {ms} ms', zh: 'Broker {target}：{ms} ms' },
  'doctor.evidence.hop.keys': {
    en: 'keys ({order}) checked at {target}: {ms} ms',
    zh: '在 {target} 校验密钥（{order}）：{ms} ms',
  },
  'doctor.evidence.hop.permission': { en: '{target}, {action}: {ms} ms', zh: '{target}，{action}：{ms} ms' },

  // One line per probe.
  'doctor.probe.params.ok': {
    en: 'parameters: all that the connection needs are set',
    zh: '参数：连接所需的都已设置',
  },
  'doctor.probe.params.problem': { en: 'parameters: not set: {missing}', zh: '参数：未设置 {missing}' },
  'doctor.probe.deadline.problem': {
    en: 'stopped after {limitMs} ms: the probes still waiting were left',
    zh: '{limitMs} ms 后停止：仍在等待的探测被放弃',
  },
  'doctor.probe.dns.ok': { en: 'DNS {host} → {addresses}{private}', zh: 'DNS {host} → {addresses}{private}' },
  'doctor.probe.dns.problem': { en: 'DNS {host}: no address ({code})', zh: 'DNS {host}：没有地址（{code}）' },
  'doctor.probe.privateMark': { en: ' (private: {addresses})', zh: '（私有地址：{addresses}）' },
  'doctor.probe.tcp.ok': {
    en: 'TCP {server} ({address}) accepts connections',
    zh: 'TCP {server}（{address}）接受连接',
  },
  'doctor.probe.tcp.problem': {
    en: 'TCP {server} ({address}): {code}',
    zh: 'TCP {server}（{address}）：{code}',
  },
  'doctor.probe.speaks.ok': { en: '{server} speaks {spoken}', zh: '{server} 使用的协议：{spoken}' },
  'doctor.probe.speaks.problem': {
    en: '{server} speaks {spoken}; the settings expect {expected}',
    zh: '{server} 使用的协议：{spoken}；而参数要求的是 {expected}',
  },
  'doctor.probe.tls.ok': {
    en: 'TLS {server}: certificate {subject}, issued by {issuer}, valid to {validTo}{verified}',
    zh: 'TLS {server}：证书 {subject}，签发者 {issuer}，有效期至 {validTo}{verified}',
  },
  'doctor.probe.tls.problem': {
    en: 'TLS {server}: certificate {subject}, issued by {issuer}; not verified by {caFile}: {code}',
    zh: 'TLS {server}：证书 {subject}，签发者 {issuer}；{caFile} 校验未通过：{code}',
  },
  'doctor.probe.tls.caProblem': { en: 'CA file {caFile}: {caProblem}', zh: 'CA 文件 {caFile}：{caProblem}' },
  'doctor.probe.tlsVerified': { en: '; verified by {caFile}', zh: '；已通过 {caFile} 校验' },
  'doctor.probe.mechanisms.ok': {
    en: 'SASL mechanisms at {server}: {mechanisms}',
    zh: '{server} 的 SASL 机制：{mechanisms}',
  },
  'doctor.probe.mechanisms.problem': {
    en: 'SASL mechanisms at {server}: {mechanisms} (no {wanted})',
    zh: '{server} 的 SASL 机制：{mechanisms}（没有 {wanted}）',
  },
  'doctor.probe.login.ok': {
    en: 'login as "{user}" at {server} accepted',
    zh: '以“{user}”在 {server} 登录成功',
  },
  'doctor.probe.login.problem': {
    en: 'login as "{user}" at {server} refused: {detail}',
    zh: '以“{user}”在 {server} 登录被拒绝：{detail}',
  },
  'doctor.probe.login.skipped': {
    en: 'login at {server} not tried: the password is not sent to a certificate the CA file does not vouch for',
    zh: '未在 {server} 尝试登录：不会把密码发送给 CA 文件无法验证的证书',
  },
  'doctor.probe.username.ok': {
    en: 'user name "{user}": instance {instanceId}',
    zh: '用户名“{user}”：实例 {instanceId}',
  },
  'doctor.probe.username.problem': {
    en: 'user name "{user}": no instanceId# part',
    zh: '用户名“{user}”：没有 实例ID# 部分',
  },
  'doctor.probe.metadata.ok': {
    en: 'metadata from {server}: brokers {brokers}',
    zh: '来自 {server} 的元数据：Broker {brokers}',
  },
  'doctor.probe.metadata.problem': {
    en: 'metadata from {server}: no brokers',
    zh: '来自 {server} 的元数据：没有 Broker',
  },
  'doctor.probe.advertised.ok': {
    en: 'advertised broker {nodeId} at {address}: reachable, login accepted',
    zh: '下发的 Broker {nodeId}（{address}）：可访问，登录成功',
  },
  'doctor.probe.advertised.problem': {
    en: 'advertised broker {nodeId} at {address}: {code}',
    zh: '下发的 Broker {nodeId}（{address}）：{code}',
  },
  'doctor.probe.topic': {
    en: 'topic {topic}: {op} {outcome} ({code})',
    zh: 'Topic {topic}：{op}{outcome}（返回 {code}）',
  },
  'doctor.probe.topic.allowed.describe': {
    en: 'topic {topic}: describe allowed, {partitions} partitions',
    zh: 'Topic {topic}：允许查看，共 {partitions} 个分区',
  },
  'doctor.probe.topic.allowed.write': {
    en: 'topic {topic}: write allowed (a produce with no records, refused only for being empty)',
    zh: 'Topic {topic}：允许写入（发送了一个不含消息的生产请求，仅因内容为空被拒绝）',
  },
  'doctor.probe.topic.allowed.read': {
    en: 'topic {topic}: read allowed (a fetch past the end of the log, which returns nothing)',
    zh: 'Topic {topic}：允许读取（从日志末尾之后拉取，不返回任何消息）',
  },
  'doctor.probe.group': {
    en: 'group {group}: {op} {outcome} ({code})',
    zh: '消费组 {group}：{op} {outcome}（{code}）',
  },
  'doctor.probe.group.allowed.describe': {
    en: 'group {group}: describe allowed (its coordinator was found)',
    zh: '消费组 {group}：允许查看（已找到其协调者）',
  },
  'doctor.probe.group.allowed.read': {
    en: 'group {group}: read allowed, state {state}',
    zh: '消费组 {group}：允许读取，状态 {state}',
  },
  'doctor.probe.route.ok': {
    en: 'route of {topic} from {nameServer}: {brokers}',
    zh: '{nameServer} 给出的 {topic} 路由：{brokers}',
  },
  'doctor.probe.route.problem': {
    en: 'route of {topic} from {nameServer}: none ({code})',
    zh: '{nameServer} 上没有 {topic} 的路由（{code}）',
  },
  'doctor.probe.broker.ok': {
    en: 'broker {name} at {address} accepts connections',
    zh: 'Broker {name}（{address}）接受连接',
  },
  'doctor.probe.broker.problem': {
    en: 'broker {name} at {address}: {code}',
    zh: 'Broker {name}（{address}）连接失败：{code}',
  },
  'doctor.probe.keys': {
    en: 'keys ({order}) at {target} over {via}: {outcome}{code}',
    zh: '密钥（{order}）在 {target}（{via}）：{outcome}{code}',
  },
  'doctor.probe.permission': {
    en: '{resource} {name}: {action} {outcome} over {via}{code}',
    zh: '{resource} {name}：经 {via} {action}{outcome}{code}',
  },

  // Words the lines above are filled with.
  'doctor.word.allowed': { en: 'allowed', zh: '允许' },
  'doctor.word.denied': { en: 'refused', zh: '被拒绝' },
  'doctor.word.missing': { en: 'does not exist', zh: '不存在' },
  'doctor.word.unknown': { en: 'no answer', zh: '无结果' },
  'doctor.word.accepted': { en: 'accepted', zh: '被接受' },
  'doctor.word.refused': { en: 'refused', zh: '被拒绝' },
  'doctor.word.given': { en: 'as given', zh: '按所给顺序' },
  'doctor.word.swapped': { en: 'swapped', zh: '互换后' },
  'doctor.word.describe': { en: 'describe', zh: '查看' },
  'doctor.word.write': { en: 'write', zh: '写入' },
  'doctor.word.read': { en: 'read', zh: '读取' },
  'doctor.word.publish': { en: 'publish', zh: '生产' },
  'doctor.word.subscribe': { en: 'subscribe', zh: '订阅' },
  'doctor.word.route': { en: 'route query', zh: '路由查询' },
  'doctor.word.topic': { en: 'topic', zh: 'Topic' },
  'doctor.word.group': { en: 'group', zh: '消费组' },
  'doctor.word.tls': { en: 'TLS', zh: 'TLS' },
  'doctor.word.kafka': { en: 'plaintext Kafka', zh: '明文 Kafka' },
  'doctor.word.remoting': { en: 'remoting (a name server)', zh: 'remoting（NameServer）' },
  'doctor.word.grpc': { en: 'gRPC (HTTP/2)', zh: 'gRPC（HTTP/2）' },
  'doctor.word.http1': { en: 'HTTP/1', zh: 'HTTP/1' },
  'doctor.word.silent': { en: 'nothing (silent)', zh: '无应答' },
  'doctor.word.other': { en: 'an unknown protocol', zh: '未知协议' },
  'doctor.word.unreadable': { en: 'cannot be read', zh: '无法读取' },
  'doctor.word.not-pem': { en: 'holds no PEM certificate', zh: '不含 PEM 证书' },
} satisfies Record<string, Localized>;
