import type { Localized } from '../lang.js';

/** The interactive front ends: the full-screen wizard (Ink) and the line mode (--plain). */
export const wizardMessages = {
  'wizard.title': { en: 'mq-tutor · {title}', zh: 'mq-tutor · {title}' },
  'wizard.appTitle': {
    en: 'mq-tutor · CKafka and TDMQ for RocketMQ, step by step',
    zh: 'mq-tutor · CKafka 与 TDMQ RocketMQ 分步教程',
  },
  'wizard.profileLabel': { en: 'profile {profile}', zh: '配置档 {profile}' },
  'wizard.stepOf': { en: 'Step {n}/{total} · {title}', zh: '第 {n}/{total} 步 · {title}' },

  'wizard.pickTutorial': { en: 'Which tutorial?', zh: '选择教程' },
  'wizard.pickProfile': {
    en: 'Which profile? It keeps the parameters you enter and your progress.',
    zh: '选择配置档：它会保存您填写的参数和进度。',
  },
  'wizard.profile.new': { en: 'New profile…', zh: '新建配置档……' },
  'wizard.profile.newPrompt': { en: 'Name of the new profile:', zh: '新配置档的名称：' },
  'wizard.profile.badName': {
    en: 'A profile name has 1 to 64 letters, digits, dots, hyphens or underscores, and starts with a letter or digit.',
    zh: '配置档名称由 1 到 64 个字母、数字、点、连字符或下划线组成，并以字母或数字开头。',
  },
  'wizard.profile.sandbox': {
    en: 'the local practice brokers (started if needed)',
    zh: '本机练习用的服务（需要时自动启动）',
  },
  'wizard.profile.progress': { en: '{passed}/{total} steps passed', zh: '已通过 {passed}/{total} 步' },
  'wizard.profile.fresh': { en: 'nothing saved yet', zh: '尚无保存内容' },
  'wizard.opening': { en: 'Opening the tutorial…', zh: '正在打开教程……' },

  'wizard.overview.heading': { en: 'The steps ahead', zh: '接下来的步骤' },
  'wizard.overview.resume': {
    en: 'The last run was cut off at "{step}"; the walk continues there.',
    zh: '上次运行在“{step}”处中断，本次从这里继续。',
  },
  'wizard.overview.startAt': {
    en: 'Pick the step to start at; steps before it keep their earlier results.',
    zh: '选择从哪一步开始；之前的步骤保留原有结果。',
  },
  'wizard.state.ahead': { en: 'to do', zh: '待进行' },
  'wizard.state.earlier': { en: '{status} earlier', zh: '之前{status}' },
  'wizard.state.resumeHere': { en: '← continues here', zh: '← 从这里继续' },

  'wizard.short.passed': { en: 'passed', zh: '通过' },
  'wizard.short.warned': { en: 'warning', zh: '有提示' },
  'wizard.short.failed': { en: 'failed', zh: '失败' },
  'wizard.short.skipped': { en: 'skipped', zh: '已跳过' },
  'wizard.short.notRun': { en: 'not run', zh: '未运行' },
  'wizard.short.notNeeded': { en: 'not needed', zh: '不需要' },
  'wizard.short.running': { en: 'running', zh: '运行中' },

  'wizard.key.run': { en: 'run', zh: '运行' },
  'wizard.key.next': { en: 'next', zh: '下一步' },
  'wizard.key.back': { en: 'back', zh: '上一步' },
  'wizard.key.retry': { en: 'retry', zh: '重试' },
  'wizard.key.skip': { en: 'skip', zh: '跳过' },
  'wizard.key.edit': { en: 'edit', zh: '编辑参数' },
  'wizard.key.help': { en: 'help', zh: '帮助' },
  'wizard.key.quit': { en: 'quit', zh: '退出' },
  'wizard.key.stop': { en: 'stop', zh: '停止' },
  'wizard.key.scroll': { en: 'scroll', zh: '滚动' },
  'wizard.key.start': { en: 'start', zh: '开始' },
  'wizard.key.choose': { en: 'choose', zh: '选择' },
  'wizard.key.field': { en: 'field', zh: '切换字段' },
  'wizard.key.change': { en: 'change', zh: '切换取值' },
  'wizard.key.clear': { en: 'clear', zh: '清空' },
  'wizard.key.doneEditing': { en: 'stop editing', zh: '结束编辑' },
  'wizard.key.exit': { en: 'exit', zh: '退出' },
  'wizard.key.yes': { en: 'yes', zh: '是' },
  'wizard.key.no': { en: 'no', zh: '否' },

  'wizard.form.heading': { en: 'Parameters', zh: '参数' },
  'wizard.form.run': { en: '▶ Run this step', zh: '▶ 运行此步骤' },
  'wizard.form.none': {
    en: 'This step needs no parameters; it checks this machine.',
    zh: '此步骤不需要参数，只检查本机环境。',
  },
  'wizard.form.fixFirst': {
    en: 'Some parameters need attention first (marked ✖).',
    zh: '请先处理标记为 ✖ 的参数。',
  },
  'wizard.form.looksRight': { en: '✔ looks right', zh: '✔ 格式正确' },
  'wizard.form.example': { en: 'Example: {example}', zh: '示例：{example}' },
  'wizard.form.source.set': { en: 'from --set', zh: '来自 --set' },
  'wizard.form.source.env': { en: 'from {env}', zh: '来自 {env}' },
  'wizard.form.source.profile': { en: 'from the profile', zh: '来自配置档' },
  'wizard.form.source.sandbox': { en: 'from the sandbox', zh: '来自沙箱' },
  'wizard.form.source.default': { en: 'default', zh: '默认值' },
  'wizard.form.source.typed': { en: 'typed now', zh: '本次输入' },
  'wizard.secrets.ask': {
    en: 'Keep the secret you typed ({keys}) in profile "{profile}" for next time? Only you can read that file. Press y for yes, n or Enter for no.',
    zh: '是否把刚输入的密钥（{keys}）保存到配置档“{profile}”，供下次使用？该文件只有您本人可读。按 y 保存，按 n 或回车不保存。',
  },

  'wizard.running': { en: 'Running · {title}', zh: '正在运行 · {title}' },
  'wizard.stopping': {
    en: 'Stopping: the running step closes its connections and leaves its consumer group (up to 5 s)…',
    zh: '正在停止：当前步骤正在关闭连接并退出消费组（最多 5 秒）……',
  },
  'wizard.result.passes': { en: 'A pass means: {text}', zh: '通过即表示：{text}' },
  'wizard.result.earlier': {
    en: 'Result of an earlier run ({time} ago):',
    zh: '之前运行的结果（{time}前）：',
  },
  'wizard.result.earlierNoTime': { en: 'Result of an earlier run:', zh: '之前运行的结果：' },
  'wizard.result.fixHint': {
    en: 'Press e to change the parameters and try again, or r to retry as is.',
    zh: '按 e 修改参数后再试，或按 r 原样重试。',
  },
  'wizard.more': { en: '↓ {n} more lines (PgDn)', zh: '↓ 还有 {n} 行（PgDn）' },
  'wizard.above': { en: '↑ {n} lines above (PgUp)', zh: '↑ 上方还有 {n} 行（PgUp）' },

  'wizard.help.title': { en: 'Keys', zh: '按键说明' },
  'wizard.help.run': { en: 'Enter or r: run the step (again)', zh: 'Enter 或 r：运行（或重新运行）此步骤' },
  'wizard.help.next': {
    en: 'n or Enter after a pass: go to the next step',
    zh: 'n，或通过后按 Enter：进入下一步',
  },
  'wizard.help.back': { en: 'b: back to the previous step', zh: 'b：回到上一步' },
  'wizard.help.skip': { en: 's: skip this step', zh: 's：跳过此步骤' },
  'wizard.help.edit': {
    en: 'e or Tab: edit the parameters; Tab/↑/↓ move between fields, ←/→ change a choice, Ctrl-U clears, Esc stops editing',
    zh: 'e 或 Tab：编辑参数；Tab/↑/↓ 切换字段，←/→ 切换选项，Ctrl-U 清空，Esc 结束编辑',
  },
  'wizard.help.scroll': {
    en: '↑/↓, PgUp/PgDn: scroll the explanation or the result',
    zh: '↑/↓、PgUp/PgDn：滚动说明或结果',
  },
  'wizard.help.quit': {
    en: 'q or Ctrl-C: stop (a running step is stopped cleanly) and quit; what you entered is saved',
    zh: 'q 或 Ctrl-C：停止（正在运行的步骤会被干净地停止）并退出；已输入的内容会保存',
  },
  'wizard.help.close': { en: 'Press any key to close this help.', zh: '按任意键关闭帮助。' },

  'wizard.summary.heading': { en: 'Summary · {title}', zh: '小结 · {title}' },
  'wizard.summary.allPassed': {
    en: 'Every step passed: the round trip is verified on the broker.',
    zh: '全部步骤通过：消息收发已在服务端得到确认。',
  },
  'wizard.summary.notAllPassed': {
    en: 'Not every step passed. Run the same command again to continue where you stopped.',
    zh: '并非所有步骤都已通过。再次运行同一命令即可从中断处继续。',
  },
  'wizard.summary.earlier': { en: '(earlier run)', zh: '（之前的运行）' },
  'wizard.summary.next': { en: 'What next:', zh: '接下来可以：' },
  'wizard.summary.nextCode': {
    en: 'producer and consumer programs filled with your parameters',
    zh: '生成填好参数的生产者和消费者程序',
  },
  'wizard.summary.nextReport': {
    en: 'a Markdown troubleshooting report of this run',
    zh: '生成本次运行的 Markdown 排障报告',
  },
  'wizard.summary.nextRetry': { en: 'run the failed step again', zh: '重新运行失败的步骤' },
  'wizard.summary.nextOther': { en: 'the other tutorial', zh: '另一个教程' },
  'wizard.summary.codeWritten': {
    en: 'your producer and consumer are in {dir}',
    zh: '您的生产者和消费者程序已写入 {dir}',
  },

  'wizard.plain.step': { en: '[{n}/{total}] {title}', zh: '[{n}/{total}] {title}' },
  'wizard.plain.what': { en: 'What now?', zh: '接下来做什么？' },
  'wizard.plain.run': { en: 'Run this step', zh: '运行此步骤' },
  'wizard.plain.next': { en: 'Go on to the next step', zh: '进入下一步' },
  'wizard.plain.editRetry': { en: 'Change the parameters and retry', zh: '修改参数后重试' },
  'wizard.plain.retry': { en: 'Retry as is', zh: '原样重试' },
  'wizard.plain.skip': { en: 'Skip this step', zh: '跳过此步骤' },
  'wizard.plain.back': { en: 'Back to the previous step', zh: '回到上一步' },
  'wizard.plain.quit': { en: 'Quit (what you entered is saved)', zh: '退出（已输入的内容会保存）' },
  'wizard.plain.newProfile': { en: 'New profile', zh: '新建配置档' },
  'wizard.plain.startAt': { en: 'Start at which step?', zh: '从哪一步开始？' },
  'wizard.plain.secretKept': {
    en: '{label}: already set ({source}), not shown',
    zh: '{label}：已设置（{source}），不显示',
  },
  'wizard.plain.saveSecrets': {
    en: 'Keep the secret you typed in profile "{profile}" for next time? (only you can read that file)',
    zh: '是否把刚输入的密钥保存到配置档“{profile}”，供下次使用？（该文件只有您本人可读）',
  },
  'wizard.plain.params': {
    en: 'Parameters (Enter keeps the value shown):',
    zh: '参数（直接回车保留显示的值）：',
  },
} satisfies Record<string, Localized>;
