import { describe, expect, it } from 'vitest';
import { parseAddressList } from './addresses.js';

const ok = (input: string) => {
  const r = parseAddressList(input);
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.addresses;
};
const problem = (input: string) => {
  const r = parseAddressList(input);
  if (r.ok) throw new Error(`parsed: ${JSON.stringify(r.addresses)}`);
  return r.problem;
};

describe('parseAddressList', () => {
  it('reads host:port', () => {
    expect(ok('127.0.0.1:9876')).toEqual([{ host: '127.0.0.1', port: 9876 }]);
    expect(ok('rmq-abc.rocketmq.ap-gz.qcloud.tencenttdmq.com:8080')).toEqual([
      { host: 'rmq-abc.rocketmq.ap-gz.qcloud.tencenttdmq.com', port: 8080 },
    ]);
  });

  it('strips http:// and https:// and a bare trailing slash', () => {
    expect(ok('http://rmq-1.example.com:8080')).toEqual([{ host: 'rmq-1.example.com', port: 8080 }]);
    expect(ok('HTTPS://10.0.0.1:9876/')).toEqual([{ host: '10.0.0.1', port: 9876 }]);
  });

  it('splits on ; and , and trims spaces', () => {
    expect(ok(' 10.0.0.1:9876 ; 10.0.0.2:9876,10.0.0.3:9876 ;')).toEqual([
      { host: '10.0.0.1', port: 9876 },
      { host: '10.0.0.2', port: 9876 },
      { host: '10.0.0.3', port: 9876 },
    ]);
  });

  it('reads IPv6 in brackets', () => {
    expect(ok('[::1]:9876;http://[fe80::1]:10911')).toEqual([
      { host: '::1', port: 9876 },
      { host: 'fe80::1', port: 10911 },
    ]);
  });

  it('names each problem', () => {
    expect(problem('  ; ')).toEqual({ kind: 'empty' });
    expect(problem('127.0.0.1')).toEqual({ kind: 'no-port', entry: '127.0.0.1' });
    expect(problem('http://host:')).toEqual({ kind: 'no-port', entry: 'http://host:' });
    expect(problem('host:98765')).toEqual({ kind: 'bad-port', entry: 'host:98765', port: '98765' });
    expect(problem('host:0')).toMatchObject({ kind: 'bad-port' });
    expect(problem('host:9876x')).toMatchObject({ kind: 'bad-port', port: '9876x' });
    expect(problem('ho st:9876')).toMatchObject({ kind: 'bad-host', host: 'ho st' });
    expect(problem('999.1.1.1:9876')).toMatchObject({ kind: 'bad-host', host: '999.1.1.1' });
    expect(problem('::1:9876')).toMatchObject({ kind: 'bad-host' });
    expect(problem('[zz::1]:9876')).toMatchObject({ kind: 'bad-host', host: 'zz::1' });
    expect(problem('http://host:8080/rocketmq')).toEqual({
      kind: 'path-after-port',
      entry: 'http://host:8080/rocketmq',
      path: '/rocketmq',
    });
    expect(problem('tcp://host:8080')).toEqual({
      kind: 'unsupported-scheme',
      entry: 'tcp://host:8080',
      scheme: 'tcp',
    });
  });

  it('stops at the first bad entry of a list', () => {
    expect(problem('10.0.0.1:9876;10.0.0.2')).toEqual({ kind: 'no-port', entry: '10.0.0.2' });
  });
});
