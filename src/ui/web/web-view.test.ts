import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import { roomOfThirty, T0, walk } from '../../workshop/testing/sample-room.js';
import { boardView } from '../../workshop/view.js';
import { webBoard } from './web-view.js';

const { room, events } = roomOfThirty();
const board = [...events, ...walk('ömer', 500, { through: 2, next: 'running' })].reduce(
  (b, e) => applyEvent(b, e),
  emptyBoard(room),
);

describe('webBoard: what the page is sent', () => {
  it('the view’s rows and count line, every word in the room’s language', () => {
    const view = boardView(board, { now: T0 + 600_000, lang: 'zh' });
    const web = webBoard(view, 'zh');
    expect(web.summary).toBe(view.summary);
    expect(web.rows.map((r) => r.learner)).toEqual(view.rows.map((r) => r.learner));
    expect(web.heads).toEqual({
      learner: '学员',
      state: '状态',
      step: '当前步骤',
      time: '用时',
      code: '诊断',
    });
    expect(web.steps[4]).toEqual({ n: 5, id: 'consume', title: '接收消息' });
    expect(web.rows[0]).toMatchObject({ learner: 'victor', state: 'stuck', mark: '✖', stateWord: '卡住' });
    expect(web.rows[0]?.cells[4]).toEqual({
      state: 'failed',
      icon: '✖',
      word: '第 5 步 consume：失败',
      current: true,
    });
    expect(web.rows[5]).toMatchObject({
      learner: 'ömer',
      step: 'produce',
      stepTitle: '发送消息',
      time: '1:31',
    });
    expect(web.ticking).toBe(true);
    expect(web.failure).toBeNull();
    expect(web.empty).toBeNull();
  });

  it('an empty room, and a stream that stopped', () => {
    const view = boardView(emptyBoard(room), { now: T0, lang: 'en' });
    const web = webBoard(view, 'en', 'broker went away');
    expect(web.empty).toBe('Nobody has joined the room yet.');
    expect(web.failure).toBe(
      'The progress feed stopped: broker went away. The board shows what arrived before.',
    );
    expect(web.pageTitle).toBe('Kafka 101 · Tuesday · mq-tutor workshop board');
  });
});
