import type { Localized } from '../lang.js';

/** Words shared by the front ends (transcript, plain prompts, full screen). */
export const uiMessages = {
  'ui.status.passed': { en: 'passed', zh: '通过' },
  'ui.status.warned': { en: 'passed with a warning', zh: '通过（有提示）' },
  'ui.status.failed': { en: 'failed', zh: '失败' },
  'ui.skip.condition': { en: 'skipped: not needed with these parameters', zh: '跳过：当前参数下不需要' },
  'ui.skip.after-failure': { en: 'not run: an earlier step failed', zh: '未运行：前面的步骤失败' },
  'ui.skip.passed-earlier': { en: 'skipped: passed in an earlier run', zh: '跳过：之前的运行中已通过' },
  'ui.skip.before-start': { en: 'skipped: before the starting step', zh: '跳过：位于起始步骤之前' },
  'ui.skip.by-user': { en: 'skipped by you', zh: '已由您跳过' },
  'ui.skip.interrupted': { en: 'stopped: interrupted', zh: '已停止：被中断' },
  'ui.whatToDo': { en: 'What to do:', zh: '处理建议：' },
  'ui.cause': { en: 'Technical cause:', zh: '技术原因：' },
  'ui.transcript.start': { en: 'mq-tutor · {title} ({id})', zh: 'mq-tutor · {title}（{id}）' },
  'ui.transcript.summary': {
    en: 'Summary: {passed} passed, {failed} failed, {skipped} skipped, {warned} with warnings · {time}',
    zh: '小结：通过 {passed}，失败 {failed}，跳过 {skipped}，有提示 {warned} · 用时 {time}',
  },
  'ui.resuming': {
    en: 'Resuming at step "{step}": the last run stopped there (use --step to choose another).',
    zh: '从步骤“{step}”继续：上次运行在此中断（可用 --step 指定其他步骤）。',
  },
  'ui.sandboxStarting': {
    en: 'Starting the local sandbox brokers (first time: a minute or two)…',
    zh: '正在启动本机沙箱服务（首次约需一两分钟）……',
  },
  'ui.profileDamaged': {
    en: 'The profile file {file} could not be read ({problem}). It was kept as {backup}; continuing with an empty profile.',
    zh: '无法读取配置档文件 {file}（{problem}）。原文件已备份为 {backup}；将以空配置档继续。',
  },
  'ui.unknownTutorial': {
    en: 'There is no tutorial "{tutorial}". Available: {known}.',
    zh: '没有名为“{tutorial}”的教程。可选：{known}。',
  },
  'ui.unknownStep': {
    en: 'Tutorial {tutorial} has no step "{step}". Its steps: {known}.',
    zh: '教程 {tutorial} 中没有步骤“{step}”。可选步骤：{known}。',
  },
  'ui.needTutorial': {
    en: 'Name the tutorial to run without questions: mq-tutor run <{known}> --yes',
    zh: '不提问运行时请指定教程：mq-tutor run <{known}> --yes',
  },
  'ui.profileBusy': {
    en: 'Another mq-tutor (pid {pid}) is running tutorial {tutorial} with profile "{profile}". Wait for it to finish, or use another profile: --profile <name>.',
    zh: '另一个 mq-tutor（pid {pid}）正在使用配置档“{profile}”运行教程 {tutorial}。请等它结束，或换一个配置档：--profile <名称>。',
  },
  'ui.unknownParam': {
    en: '--set {key}: tutorial {tutorial} has no parameter "{key}". Its parameters: {known}.',
    zh: '--set {key}：教程 {tutorial} 没有参数“{key}”。可用参数：{known}。',
  },
} satisfies Record<string, Localized>;
