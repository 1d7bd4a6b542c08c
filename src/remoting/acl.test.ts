import { describe, expect, it } from 'vitest';
import { signature, signingContent, signRequest } from './acl.js';

describe('signature', () => {
  it('matches the vectors of AclSignerTest and AuthenticationEvaluatorTest', () => {
    expect(signature('RocketMQ', '12345678')).toBe('IUc8rrO/0gDch8CjObLQsW2rsiA=');
    expect(signature(Buffer.from('RocketMQ'), '12345678')).toBe('IUc8rrO/0gDch8CjObLQsW2rsiA=');
    expect(signature('test', 'test')).toBe('DJRRXBXlCVuKh6ULoN87847QX+Y=');
  });
});

describe('signingContent', () => {
  it('joins values in key order, as DefaultAuthenticationContextBuilderTest expects', () => {
    // That test's SendMessageRequestHeader made "to net": its unset fields are absent.
    const fields = {
      topic: 'topic-test',
      queueId: '0',
      bornTimestamp: '117036786441330',
      bname: 'brokerName-1',
      AccessKey: 'abc',
      Signature: 'ZG26exJ5u9q1fwZlO4DCmz2Rs88=',
    };
    expect(signingContent(fields, undefined).toString()).toBe('abcbrokerName-11170367864413300topic-test');
  });

  it('orders keys by UTF-16 code unit, upper case before lower case', () => {
    expect(signingContent({ b: '2', B: '1', a: '3', _: '4' }, undefined).toString()).toBe('1432');
  });

  it('appends the body bytes after the field values', () => {
    const content = signingContent({ a: 'x' }, Buffer.from([0xff, 0x00]));
    expect([...content]).toEqual([0x78, 0xff, 0x00]);
  });
});

describe('signRequest', () => {
  it('adds AccessKey and a Signature over the fields and the body', () => {
    const signed = signRequest({ topic: 't' }, Buffer.from('hello'), { accessKey: 'ak', secretKey: 'sk' });
    expect(signed.AccessKey).toBe('ak');
    expect(signed.Signature).toBe(signature('akt' + 'hello', 'sk'));
  });

  it('signs a SecurityToken too, and replaces a stale Signature', () => {
    const signed = signRequest({ Signature: 'old', x: '1' }, undefined, {
      accessKey: 'ak',
      secretKey: 'sk',
      securityToken: 'tok',
    });
    expect(signed.Signature).toBe(signature('aktok1', 'sk'));
  });

  it('gives a different signature when the body differs', () => {
    const creds = { accessKey: 'ak', secretKey: 'sk' };
    expect(signRequest({}, Buffer.from('a'), creds).Signature).not.toBe(
      signRequest({}, Buffer.from('b'), creds).Signature,
    );
  });
});
