import type { Localized } from '../lang.js';

/** Profiles: `mq-tutor profile list|show|delete`, and what is said about a damaged profile file. */
export const profileMessages = {
  'profile.damaged.json': {
    en: 'The profile file {file} is not valid JSON (line {line}, column {column}). It was moved to {backup}; mq-tutor goes on with an empty profile, so saved parameters and progress start afresh.',
    zh: '配置档文件 {file} 不是有效的 JSON（第 {line} 行第 {column} 列）。原文件已移至 {backup}；mq-tutor 将以空配置档继续，之前保存的参数和进度需要重新填写。',
  },
  'profile.damaged.schemaRepaired': {
    en: 'The profile file {file} holds values of the wrong type (edited by hand?). A copy of the file as it was is kept at {backup}. mq-tutor kept everything usable and fixed or left out only these values (their defaults apply):',
    zh: '配置档文件 {file} 中有类型不对的值（是否手工编辑过？）。原文件已备份为 {backup}。mq-tutor 保留了其余可用的内容，只修正或去掉了以下各项（这些项改用默认值）：',
  },
  'profile.damaged.schemaReset': {
    en: 'The profile file {file} is not a profile mq-tutor can use ({problem}). It was moved to {backup}; mq-tutor goes on with an empty profile.',
    zh: '配置档文件 {file} 的内容不是 mq-tutor 能使用的配置档（{problem}）。原文件已移至 {backup}；mq-tutor 将以空配置档继续。',
  },
  'profile.damaged.secrets': {
    en: 'Note: this was the file of saved secrets; enter them again or set the MQ_TUTOR_* variables.',
    zh: '注意：这是保存密钥的文件；请重新输入密钥，或设置相应的 MQ_TUTOR_* 环境变量。',
  },
  'profile.problem.converted': {
    en: '  - {path}: expected {expected}, found {found}; converted to the expected type',
    zh: '  - {path}：应为{expected}，实际是 {found}；已转换为正确类型',
  },
  'profile.problem.dropped': {
    en: '  - {path}: expected {expected}, found {found}; left out, the default applies',
    zh: '  - {path}：应为{expected}，实际是 {found}；已去掉，改用默认值',
  },
  'profile.problem.reset': {
    en: '  - {path}: expected {expected}, found {found}; replaced by the default',
    zh: '  - {path}：应为{expected}，实际是 {found}；已替换为默认值',
  },
  'profile.problem.more': {
    en: '  … and {count} more (see the backup file)',
    zh: '  ……另有 {count} 项（见备份文件）',
  },
  'profile.topLevel': { en: '(the whole file)', zh: '（整个文件）' },
  'profile.expected.object': { en: 'an object {…}', zh: '对象 {…}' },
  'profile.expected.string': { en: 'a string "…"', zh: '字符串 "…"' },
  'profile.expected.number': { en: 'a number', zh: '数字' },
  'profile.expected.boolean': { en: 'true or false', zh: 'true 或 false' },
  'profile.expected.status': {
    en: 'one of passed, failed, skipped, warned',
    zh: 'passed、failed、skipped、warned 之一',
  },
  'profile.expected.version': { en: 'version 1', zh: '版本 1' },

  'profile.usage': {
    en: 'Usage: mq-tutor profile list | show <name> | delete <name>   (add --json for machine-readable output)',
    zh: '用法：mq-tutor profile list | show <名称> | delete <名称>   （加 --json 输出机器可读格式）',
  },
  'profile.badName': {
    en: '"{name}" is not a valid profile name: use letters, digits, dots, underscores and hyphens (up to 64), starting with a letter or digit.',
    zh: '“{name}”不是有效的配置档名称：只能使用字母、数字、点、下划线和连字符（最多 64 个），并以字母或数字开头。',
  },
  'profile.notFound': {
    en: 'There is no profile "{name}". Existing profiles: {known}.',
    zh: '没有名为“{name}”的配置档。现有配置档：{known}。',
  },
  'profile.none': { en: '(none)', zh: '（无）' },
  'profile.list.empty': {
    en: 'No profiles yet in {dir}. One is created the first time you run a tutorial, e.g. mq-tutor run ckafka --sandbox.',
    zh: '{dir} 中还没有配置档。第一次运行教程时会自动创建，例如 mq-tutor run ckafka --sandbox。',
  },
  'profile.list.heading': { en: 'Profiles in {dir}:', zh: '配置档（位于 {dir}）：' },
  'profile.list.tutorial': {
    en: '{tutorial} {passed}/{total} steps passed',
    zh: '{tutorial} 已通过 {passed}/{total} 步',
  },
  'profile.list.lastRun': { en: 'last run {when}', zh: '上次运行 {when}' },
  'profile.list.noRuns': { en: 'no runs yet', zh: '尚未运行' },
  'profile.list.secrets': { en: 'secrets saved', zh: '已保存密钥' },
  'profile.show.heading': { en: 'Profile "{name}"', zh: '配置档“{name}”' },
  'profile.show.file': { en: 'File: {file} (mode {mode})', zh: '文件：{file}（权限 {mode}）' },
  'profile.show.secretsSaved': {
    en: 'Secrets: saved at your request in {file} (mode {mode}); shown masked.',
    zh: '密钥：按您的选择保存在 {file}（权限 {mode}）；下面以掩码显示。',
  },
  'profile.show.secretsNotSaved': {
    en: 'Secrets: not saved; they come from MQ_TUTOR_* variables or are asked for on each run.',
    zh: '密钥：未保存；每次运行时从 MQ_TUTOR_* 环境变量读取或现场询问。',
  },
  'profile.show.noTutorials': {
    en: 'Nothing saved in this profile yet.',
    zh: '该配置档中还没有保存任何内容。',
  },
  'profile.show.params': { en: 'Parameters:', zh: '参数：' },
  'profile.show.noParams': {
    en: '(none saved: values came from the sandbox, MQ_TUTOR_* variables or defaults)',
    zh: '（未保存：取值来自沙箱、MQ_TUTOR_* 环境变量或默认值）',
  },
  'profile.show.secretSaved': { en: '(saved)', zh: '（已保存）' },
  'profile.show.progress': { en: 'Progress:', zh: '进度：' },
  'profile.show.noProgress': { en: '(no step has run yet)', zh: '（还没有运行过任何步骤）' },
  'profile.show.lastRun': {
    en: 'Last run: {runId}, started {startedAt}, {state}',
    zh: '上次运行：{runId}，开始于 {startedAt}，{state}',
  },
  'profile.show.finished': { en: 'finished {finishedAt}', zh: '结束于 {finishedAt}' },
  'profile.show.interrupted': { en: 'interrupted at {finishedAt}', zh: '于 {finishedAt} 被中断' },
  'profile.show.cutOff': {
    en: 'cut off before it finished (it resumes at the first step not passed)',
    zh: '未正常结束（下次将从第一个未通过的步骤继续）',
  },
  'profile.show.resumeAt': { en: 'Next run resumes at: {step}', zh: '下次运行将从此步骤继续：{step}' },
  'profile.delete.confirm': {
    en: 'Delete profile "{name}" (parameters, progress{secrets})?',
    zh: '删除配置档“{name}”（参数、进度{secrets}）？',
  },
  'profile.delete.andSecrets': { en: ' and saved secrets', zh: '以及已保存的密钥' },
  'profile.delete.kept': { en: 'Nothing was deleted.', zh: '未删除任何内容。' },
  'profile.delete.done': {
    en: 'Deleted profile "{name}" ({files}).',
    zh: '已删除配置档“{name}”（{files}）。',
  },
} satisfies Record<string, Localized>;
