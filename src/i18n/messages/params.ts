import type { Localized } from '../lang.js';

export const paramMessages = {
  'param.missing': { en: '`{param}` is not set.', zh: '`{param}` 尚未设置。' },
  'param.hostPort.noPort': {
    en: '"{value}" is not host:port (for example 1.2.3.4:50001).',
    zh: '“{value}” 不是 主机:端口 的形式（例如 1.2.3.4:50001）。',
  },
  'param.hostPort.badHost': {
    en: '"{host}" in "{value}" is not a valid host name or IP address.',
    zh: '“{value}” 中的 “{host}” 不是有效的主机名或 IP 地址。',
  },
  'param.hostPort.badPort': {
    en: 'The port in "{value}" must be a number from 1 to 65535.',
    zh: '“{value}” 中的端口必须是 1 到 65535 之间的数字。',
  },
  'param.address.path': {
    en: '"{value}" has a path after the port ({path}): give only the address, e.g. http://host:9876.',
    zh: '“{value}”在端口后面还带有路径（{path}）：只填地址即可，例如 http://host:9876。',
  },
  'param.address.scheme': {
    en: '"{value}" starts with {scheme}://: an address is host:port, with http:// or https:// in front if the console shows it so.',
    zh: '“{value}”以 {scheme}:// 开头：地址的格式是 主机:端口，控制台显示 http:// 或 https:// 时可以保留。',
  },
  'param.enum': { en: '"{value}" is not one of: {choices}.', zh: '“{value}” 不在可选值中：{choices}。' },
  'param.boolean': { en: '"{value}" must be true or false.', zh: '“{value}” 只能是 true 或 false。' },
  'param.file.missing': { en: 'There is no file at {value}.', zh: '路径 {value} 下没有文件。' },
  'param.file.notFile': { en: '{value} is a folder, not a file.', zh: '{value} 是一个目录，而不是文件。' },
  'param.tdmq.empty': { en: 'The name is empty.', zh: '名称为空。' },
  'param.tdmq.bad-characters': {
    en: '"{value}" may hold only letters, digits, _ and - (a full name: cluster-id|namespace%name).',
    zh: '“{value}” 只能包含字母、数字、_ 和 -（全称形如：集群ID|命名空间%名称）。',
  },
  'param.tdmq.bad-cluster': {
    en: 'The cluster ID in "{value}" is not valid; the full namespace is cluster-id|namespace, e.g. rocketmq-abc123|namespace_python.',
    zh: '“{value}” 中的集群 ID 无效；命名空间全称是 集群ID|命名空间，例如 rocketmq-abc123|namespace_python。',
  },
  'param.tdmq.namespace-mismatch': {
    en: 'The full name "{value}" belongs to another namespace than "{namespace}". Give the short name, or make the namespace match.',
    zh: '全称“{value}”所属的命名空间与“{namespace}”不同。请填写短名称，或使命名空间一致。',
  },
  // Shown only when a rule in a tutorial's files has no message of its own.
  'param.rule': { en: 'The value does not have the expected form.', zh: '该值的格式不符合要求。' },
  'params.invalidHeading': {
    en: 'Some parameters are missing or invalid; nothing was sent to the broker:',
    zh: '部分参数缺失或无效，尚未向服务端发送任何请求：',
  },
  'params.howToSet': {
    en: 'Set them with --set key=value, with MQ_TUTOR_* environment variables (e.g. {example}), or run without --yes to be asked.',
    zh: '可用 --set 键=值、MQ_TUTOR_* 环境变量（例如 {example}）设置，或去掉 --yes 以交互方式填写。',
  },
} satisfies Record<string, Localized>;
