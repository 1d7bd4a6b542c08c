import type { Localized } from '../lang.js';

/** The instructor's live board of a workshop room: the terminal screen, `workshop status`, the web page. */
export const workshopMessages = {
  'workshop.count.verified': { en: '{verified}/{total} verified', zh: '{verified}/{total} 已验证' },
  'workshop.count.stuck': { en: '{n} stuck at {step}', zh: '{n} 人卡在 {step}' },
  'workshop.count.stuckWithCodes': {
    en: '{n} stuck at {step} ({codes})',
    zh: '{n} 人卡在 {step}（{codes}）',
  },
  'workshop.count.running': { en: '{n} in progress', zh: '{n} 人进行中' },
  'workshop.count.notStarted': { en: '{n} not started', zh: '{n} 人未开始' },
  'workshop.count.listSep': { en: ', ', zh: '，' },

  'workshop.row.stuck': { en: 'stuck', zh: '卡住' },
  'workshop.row.running': { en: 'in progress', zh: '进行中' },
  'workshop.row.notStarted': { en: 'not started', zh: '未开始' },
  'workshop.row.verified': { en: 'verified', zh: '已验证' },
  'workshop.cell.pending': { en: 'not started', zh: '未开始' },

  'workshop.col.learner': { en: 'learner', zh: '学员' },
  'workshop.col.state': { en: 'state', zh: '状态' },
  'workshop.col.step': { en: 'step', zh: '当前步骤' },
  'workshop.col.time': { en: 'time', zh: '用时' },
  'workshop.col.code': { en: 'diagnosis', zh: '诊断' },

  'workshop.header.title': { en: 'Workshop board · {name}', zh: '工作坊看板 · {name}' },
  'workshop.header.room': { en: 'room {id} · {tutorial}', zh: '教室 {id} · {tutorial}' },
  'workshop.key.scroll': { en: 'scroll', zh: '滚动' },
  'workshop.key.page': { en: 'page', zh: '翻页' },
  'workshop.empty': { en: 'Nobody has joined the room yet.', zh: '还没有学员加入本教室。' },
  'workshop.feed.failed': {
    en: 'The progress feed stopped: {reason}. The board shows what arrived before.',
    zh: '进度消息已中断：{reason}。看板显示的是此前收到的进度。',
  },

  'workshop.words.row': { en: '{learner}: {state}', zh: '{learner}：{state}' },
  'workshop.words.at': { en: 'step {n} {step}: {status}', zh: '第 {n} 步 {step}：{status}' },
  'workshop.words.time': { en: 'time {time}', zh: '用时 {time}' },
  'workshop.words.code': { en: 'diagnosis {code}', zh: '诊断 {code}' },
  'workshop.words.steps': { en: 'steps: {list}', zh: '各步骤：{list}' },
  'workshop.words.sep': { en: '; ', zh: '；' },

  'workshop.web.pageTitle': { en: '{name} · mq-tutor workshop board', zh: '{name} · mq-tutor 工作坊看板' },
  'workshop.web.connecting': { en: 'Connecting to the board…', zh: '正在连接看板……' },
  'workshop.web.lost': {
    en: 'The connection to the board was lost; reconnecting…',
    zh: '与看板的连接已断开，正在重新连接……',
  },
} satisfies Record<string, Localized>;
