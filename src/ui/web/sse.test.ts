import { describe, expect, it } from 'vitest';
import { SSE_KEEPALIVE, sseFrame } from './sse.js';

describe('server-sent event framing', () => {
  it('names the event, puts each line of data on its own data: line, ends with a blank line', () => {
    expect(sseFrame('board', '{"a":1}')).toBe('event: board\ndata: {"a":1}\n\n');
    expect(sseFrame('board', 'one\ntwo\r\nthree')).toBe(
      'event: board\ndata: one\ndata: two\ndata: three\n\n',
    );
  });

  it('a keep-alive is a comment', () => {
    expect(SSE_KEEPALIVE.startsWith(':')).toBe(true);
    expect(SSE_KEEPALIVE.endsWith('\n\n')).toBe(true);
  });
});
