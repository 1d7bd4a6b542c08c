import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { widthOf } from '../text/width.js';
import { Header } from './header.js';

describe('Header', () => {
  it('puts the profile on the right when both fit', () => {
    const { lastFrame } = render(<Header left="mq-tutor · ckafka" right="profile sandbox" width={40} />);
    expect(lastFrame()).toBe('mq-tutor · ckafka        profile sandbox');
  });

  it('cuts a long (Chinese) title to keep the profile visible', () => {
    const { lastFrame } = render(
      <Header left="mq-tutor · CKafka 公网接入：SASL 收发第一条消息" right="配置档 sandbox" width={40} />,
    );
    const frame = lastFrame() ?? '';
    expect(frame).toContain('配置档 sandbox');
    expect(frame).toContain('…');
    expect(widthOf(frame)).toBeLessThanOrEqual(40);
  });
});
