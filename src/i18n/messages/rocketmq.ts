import type { Localized } from '../lang.js';

export const rocketmqMessages = {
  'rocketmq.progress.starting': {
    en: 'Starting the producer against {endpoints} (it first fetches its settings from the proxy)…',
    zh: '正在向 {endpoints} 启动生产者（它会先从 Proxy 获取配置）……',
  },
  'rocketmq.progress.sending': {
    en: 'Sending one message to {topic} with tag {tag} and keys {keys}…',
    zh: '正在向 {topic} 发送一条消息，Tag 为 {tag}，Keys 为 {keys}……',
  },
  'rocketmq.produce.ok': {
    en: 'Sent to {topic}: message ID {messageId}.',
    zh: '已发送到 {topic}：消息 ID {messageId}。',
  },
  'rocketmq.progress.subscribing': {
    en: 'Consumer in group {group} subscribing to {topic} with tag expression {tag}…',
    zh: '消费组 {group} 中的消费者正在以 Tag 表达式 {tag} 订阅 {topic}……',
  },
  'rocketmq.progress.messageOurs': {
    en: 'Received message. messageId: {messageId} tag: {tag} keys: {keys} body: {body}  ← the message sent in this run (acknowledged)',
    zh: '收到消息。messageId：{messageId} tag：{tag} keys：{keys} body：{body}  ← 本次运行发送的消息（已确认）',
  },
  'rocketmq.progress.messageRefused': {
    en: 'Received message. messageId: {messageId} tag: {tag} keys: {keys} body: {body}  (not from this run: refused and left for redelivery, like RECONSUME_LATER)',
    zh: '收到消息。messageId：{messageId} tag：{tag} keys：{keys} body：{body}（不是本次运行的消息：拒绝处理，留待重新投递，相当于 RECONSUME_LATER）',
  },
  'rocketmq.consume.ok': {
    en: 'Received and acknowledged the message of this run ({messageId}) in group {group} ({count} message(s) received).',
    zh: '消费组 {group} 已收到并确认本次运行的消息（{messageId}），共收到 {count} 条。',
  },
  'rocketmq.progress.groupView': {
    en: 'Broker view of group {group}: message consumed: {consumed}; backlog {lag}',
    zh: '服务端视角下的消费组 {group}：消息已消费：{consumed}；堆积 {lag}',
  },
  'rocketmq.progress.consoleHint': {
    en: 'For the broker’s view, open the TDMQ console: Cluster Management > Group > {group} > View Details shows the connected clients and the backlog.',
    zh: '如需服务端视角，请打开 TDMQ 控制台：集群管理 > Group > {group} > 查看详情，可看到已连接的客户端和堆积情况。',
  },
  'rocketmq.verify.ok': {
    en: 'Round trip verified: message {messageId} was received and acknowledged by group {group}.',
    zh: '收发闭环已验证：消息 {messageId} 已被消费组 {group} 收到并确认。',
  },
  'rocketmq.verify.okBroker': {
    en: 'Round trip verified: message {messageId} was received and acknowledged by group {group}, and the broker counts it as consumed (backlog {lag}).',
    zh: '收发闭环已验证：消息 {messageId} 已被消费组 {group} 收到并确认，服务端也记为已消费（堆积 {lag}）。',
  },
  'rocketmq.progress.sendingRemoting': {
    en: 'Through the name server, in producer group {group}: sending one message to {topic} with tag {tag} and keys {keys}…',
    zh: '经 NameServer，以生产者组 {group} 向 {topic} 发送一条消息，Tag 为 {tag}，Keys 为 {keys}……',
  },
  'rocketmq.produce.okRemoting': {
    en: '{status} · message ID {messageId} · queue {queue} · offset {offset} (topic {topic}), as the document prints ret.status, ret.msg_id, ret.offset.',
    zh: '{status} · 消息 ID {messageId} · 队列 {queue} · 位点 {offset}（Topic {topic}），对应文档打印的 ret.status、ret.msg_id、ret.offset。',
  },
  'rocketmq.progress.remotingOurs': {
    en: 'Received: topic {topic} queue {queue} offset {offset} tags {tag} keys {keys} body {body}  ← the message sent in this run (CONSUME_SUCCESS)',
    zh: '收到：topic {topic} 队列 {queue} 位点 {offset} tags {tag} keys {keys} body {body}  ← 本次运行发送的消息（CONSUME_SUCCESS）',
  },
  'rocketmq.progress.remotingOther': {
    en: 'Received: topic {topic} queue {queue} offset {offset} tags {tag} keys {keys} body {body}  (not from this run: handed back to the group, RECONSUME_LATER)',
    zh: '收到：topic {topic} 队列 {queue} 位点 {offset} tags {tag} keys {keys} body {body}（不是本次运行的消息：交还给消费组，RECONSUME_LATER）',
  },
  'rocketmq.progress.committed': {
    en: 'Broker: group {group} has committed offset {committed} on queue {queue} (the message is at {offset}).',
    zh: '服务端：消费组 {group} 在队列 {queue} 上已提交的位点为 {committed}（消息位于 {offset}）。',
  },
  'rocketmq.progress.consumers': {
    en: 'Broker: {count} consumer(s) connected to group {group} now.',
    zh: '服务端：当前有 {count} 个消费者连接在消费组 {group} 上。',
  },
  'rocketmq.progress.consumersRefused': {
    en: 'Broker: this role may not list the consumers of group {group}.',
    zh: '服务端：该角色无权查看消费组 {group} 的消费者列表。',
  },
  'rocketmq.verify.notAllowed': {
    en: 'This role may not ask the broker about group {group}, so part of the consumer details could not be seen from here; the console shows them under Cluster Management > Group > {group} > View Details.',
    zh: '该角色无权向服务端查询消费组 {group}，因此这里看不到部分消费详情；可在控制台“集群管理 > Group > {group} > 查看详情”中查看。',
  },
  'rocketmq.verify.okCommitted': {
    en: 'Round trip verified: message {messageId} was received and acknowledged by group {group}, and the broker has committed offset {committed} on queue {queue}, past the message.',
    zh: '收发闭环已验证：消息 {messageId} 已被消费组 {group} 收到并确认，服务端在队列 {queue} 上的已提交位点为 {committed}，已越过这条消息。',
  },
} satisfies Record<string, Localized>;
