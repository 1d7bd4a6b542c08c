import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { applyEvent, emptyBoard } from '../../workshop/board.js';
import { roomOfThirty, T0 } from '../../workshop/testing/sample-room.js';
import { boardView } from '../../workshop/view.js';
import { plain } from '../ink/testing/keys.js';
import { lineText, widthOf } from '../ink/text/width.js';
import { BoardHeader, legendLines } from './board-header.js';

const { room, events } = roomOfThirty();
const board = events.reduce((b, e) => applyEvent(b, e), emptyBoard(room));
const view = (lang: 'en' | 'zh') => boardView(board, { now: T0 + 600_000, lang });

describe('BoardHeader', () => {
  it('the room’s name, its id and tutorial, and the count line', () => {
    const { lastFrame } = render(<BoardHeader view={view('en')} width={100} lang="en" />);
    expect(plain(lastFrame()).split('\n')).toEqual([
      'Workshop board · Kafka 101 · Tuesday                                  room room-1 · kafka-quickstart',
      '22/30 verified · 5 stuck at consume (CONSUME_NOT_SEEN 3, SASL_AUTH_FAILED 2) · 3 not started',
    ]);
  });

  it('in a narrow terminal the id gives way to the name, and the count line wraps (zh)', () => {
    const { lastFrame } = render(<BoardHeader view={view('zh')} width={59} lang="zh" />);
    const lines = plain(lastFrame()).split('\n');
    expect(lines[0]).toBe('工作坊看板 · Kafka 101 · Tuesday');
    expect(lines.slice(1).join(' ')).toBe(view('zh').summary);
    for (const line of lines) expect(widthOf(line)).toBeLessThanOrEqual(59);
  });

  it('says why when the stream of events stopped', () => {
    const { lastFrame } = render(
      <BoardHeader view={view('en')} width={79} lang="en" failure="topic deleted" />,
    );
    expect(plain(lastFrame())).toContain('The progress feed stopped: topic deleted.');
  });

  it('a legend says what the step numbers stand for', () => {
    expect(legendLines(view('en'), 100).map(lineText)).toEqual([
      '1 prepare-env · 2 check-cert · 3 check-network · 4 produce · 5 consume · 6 verify',
    ]);
  });
});
