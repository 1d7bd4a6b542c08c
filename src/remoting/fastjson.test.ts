import { describe, expect, it } from 'vitest';
import { parseFastjson } from './fastjson.js';

describe('parseFastjson', () => {
  it('reads plain JSON', () => {
    expect(parseFastjson('{"a":[1,2.5,-3e2],"b":"x\\"y","c":null,"d":true}')).toEqual({
      a: [1, 2.5, -300],
      b: 'x"y',
      c: null,
      d: true,
    });
  });

  it('reads bare number keys, as in a topic route', () => {
    const route = parseFastjson(
      '{"brokerDatas":[{"brokerAddrs":{0:"127.0.0.1:10911",1:"127.0.0.1:10921"},"brokerName":"broker-a"}]}',
    ) as { brokerDatas: { brokerAddrs: Record<string, string> }[] };
    expect(route.brokerDatas[0]!.brokerAddrs).toEqual({ 0: '127.0.0.1:10911', 1: '127.0.0.1:10921' });
  });

  it('reads object keys, as in consume stats, as JSON text', () => {
    const stats = parseFastjson(
      '{"offsetTable":{{"brokerName":"b","queueId":1,"topic":"t"}:{"brokerOffset":5,"consumerOffset":3}}}',
    ) as { offsetTable: Record<string, unknown> };
    const [key, value] = Object.entries(stats.offsetTable)[0]!;
    expect(JSON.parse(key)).toEqual({ brokerName: 'b', queueId: 1, topic: 't' });
    expect(value).toEqual({ brokerOffset: 5, consumerOffset: 3 });
  });

  it('refuses what is not JSON at all', () => {
    expect(() => parseFastjson('{"a":}')).toThrow(/unexpected/);
    expect(() => parseFastjson('{} x')).toThrow(/trailing/);
  });
});
