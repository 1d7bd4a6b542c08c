import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { moveCursor, SelectList } from './select-list.js';

describe('SelectList', () => {
  it('marks the chosen row with › and aligns details (wide characters counted)', () => {
    const { lastFrame } = render(
      <SelectList
        items={[
          { label: 'ckafka', detail: 'CKafka 公网接入' },
          { label: '消费组', detail: 'two cells each' },
        ]}
        cursor={1}
        width={60}
      />,
    );
    expect(lastFrame()).toBe('  ckafka  CKafka 公网接入\n› 消费组  two cells each');
  });

  it('moves with the arrows, wrapping around', () => {
    expect(moveCursor(0, 3, { downArrow: true })).toBe(1);
    expect(moveCursor(0, 3, { upArrow: true })).toBe(2);
    expect(moveCursor(2, 3, { downArrow: true })).toBe(0);
    expect(moveCursor(1, 3, { end: true })).toBe(2);
  });
});
