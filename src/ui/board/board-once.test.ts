import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import { roomOfThirty, T0 } from '../../workshop/testing/sample-room.js';
import { boardView } from '../../workshop/view.js';
import { widthOf } from '../ink/text/width.js';
import { boardOnce } from './board-once.js';

const { room, events } = roomOfThirty();
const now = T0 + 600_000;

describe('boardOnce (workshop status)', () => {
  it('prints every learner, no colour or cursor codes, within the width', () => {
    for (const [lang, width] of [
      ['en', 80],
      ['zh', 60],
    ] as const) {
      const text = boardOnce({ room, lang, events, width, now });
      expect(text).not.toMatch(/\u001b/);
      const lines = text.trimEnd().split('\n');
      for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(width);
      const view = boardView(
        events.reduce((b, e) => applyEvent(b, e), emptyBoard(room)),
        { now, lang },
      );
      // the same rows in the same order as the live screens, and the same count line
      const names = lines.filter((l) => /^[✖◐○✔] /.test(l)).map((l) => l.slice(2).split(' ')[0]);
      expect(names).toEqual(view.rows.map((r) => r.learner));
      expect(lines.slice(1, 3).join(' ')).toContain(view.summary.slice(0, 30));
    }
  });

  it('starts with the room and the count line', () => {
    const text = boardOnce({ room, lang: 'en', events, width: 100, now });
    expect(text.split('\n').slice(0, 2)).toEqual([
      'Workshop board · Kafka 101 · Tuesday                                  room room-1 · kafka-quickstart',
      '22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2) · 3 not started',
    ]);
  });

  it('in words, one sentence per learner', () => {
    const text = boardOnce({ room, lang: 'en', events, width: 200, now, words: true });
    expect(text).toContain('victor: stuck; step 5 consume: failed; time 0:36; diagnosis CONSUME_NOT_SEEN;');
    expect(text).not.toMatch(/[✔✖◐○]/);
  });
});
