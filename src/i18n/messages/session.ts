import type { Localized } from '../lang.js';

/** What opening a session can say before the first step: usage problems and one-time notices. */
export const sessionMessages = {
  'session.notTutorialFolder': {
    en: 'There is no tutorial at {dir}: a tutorial folder holds a tutorial.yaml and one Markdown file per step. Check it with `mq-tutor steps lint <folder>`.',
    zh: '{dir} 下没有教程：教程目录中应有一个 tutorial.yaml，以及每个步骤一个 Markdown 文件。可以用 `mq-tutor steps lint <目录>` 检查。',
  },
  'session.tutorialInvalid': {
    en: 'The tutorial in {dir} has {count} problem(s) and cannot run:\n  {problems}\nSee them all with `mq-tutor steps lint {dir}`.',
    zh: '{dir} 中的教程有 {count} 个问题，无法运行：\n  {problems}\n用 `mq-tutor steps lint {dir}` 查看全部问题。',
  },
  'session.configDir': {
    en: 'mq-tutor cannot keep its profiles in {dir} ({reason}). Point MQ_TUTOR_CONFIG_DIR at a folder you can write, e.g. MQ_TUTOR_CONFIG_DIR=$HOME/mq-tutor-config',
    zh: 'mq-tutor 无法在 {dir} 中保存配置档（{reason}）。请把 MQ_TUTOR_CONFIG_DIR 指向一个可写的目录，例如 MQ_TUTOR_CONFIG_DIR=$HOME/mq-tutor-config',
  },
  'session.sandboxDir': {
    en: 'The sandbox cannot keep its brokers’ data in {dir} ({reason}). Point MQ_TUTOR_SANDBOX_DIR at a folder you can write.',
    zh: '沙箱无法在 {dir} 中保存服务端数据（{reason}）。请把 MQ_TUTOR_SANDBOX_DIR 指向一个可写的目录。',
  },
  'session.configDir.ENOTDIR': { en: 'a file is in the way', zh: '该路径上有一个同名文件' },
  'session.configDir.EACCES': { en: 'no permission to write there', zh: '没有写入权限' },
  'session.configDir.EPERM': { en: 'no permission to write there', zh: '没有写入权限' },
  'session.configDir.EROFS': { en: 'the file system is read-only', zh: '文件系统为只读' },
  'session.configDir.ENOENT': { en: 'a folder on the way does not exist', zh: '路径中的某个目录不存在' },
  'session.configDir.NO_HOME': {
    en: 'there is no usable home folder: HOME is empty or not an absolute path',
    zh: '没有可用的主目录：HOME 为空或不是绝对路径',
  },
  'session.configDir.other': { en: 'error {code}', zh: '错误 {code}' },
  'session.noSandbox': {
    en: 'Tutorial {tutorial} talks to {broker}, which the local sandbox does not provide. Give your own broker’s parameters instead of --sandbox.',
    zh: '教程 {tutorial} 使用的是 {broker}，本机沙箱不提供该服务。请去掉 --sandbox，改为填写您自己的服务端参数。',
  },
  'session.secretOnCommandLine': {
    en: 'Note: a secret given with --set ({params}) can be seen by other users in `ps` and stays in your shell history. Prefer the environment: {example}',
    zh: '提示：用 --set 传入的密钥（{params}）会被本机其他用户在 `ps` 中看到，也会留在 shell 历史里。建议改用环境变量：{example}',
  },
  'session.sandboxStarting': {
    en: 'Starting the local sandbox {broker} (first time: a minute or two)…',
    zh: '正在启动本机沙箱 {broker}（首次约需一两分钟）……',
  },
  'session.fix.set': {
    en: '{param} came from --set: give a valid value there, e.g. --set {param}=…',
    zh: '{param} 来自 --set：请在命令行中改为有效值，例如 --set {param}=…',
  },
  'session.fix.env': {
    en: '{param} came from the environment variable {env}: correct it, or unset it.',
    zh: '{param} 来自环境变量 {env}：请改正，或取消该变量。',
  },
  'session.fix.profile': {
    en: '{param} is saved in profile "{profile}": give a new value with --set {param}=… (it replaces the saved one).',
    zh: '{param} 保存在配置档“{profile}”中：请用 --set {param}=… 给出新值（会替换已保存的值）。',
  },
  'session.fix.missing': {
    en: 'Give {param} with --set {param}=… or {env}=…, or run without --yes to be asked.',
    zh: '请用 --set {param}=… 或 {env}=… 设置 {param}，或去掉 --yes 以交互方式填写。',
  },
} satisfies Record<string, Localized>;
