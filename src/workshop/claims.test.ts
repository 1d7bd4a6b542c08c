import { describe, expect, it } from 'vitest';
import { type ClaimEvent, parseClaim, seatOf } from './claims.js';

const claim = (slug: string, id: string, room = 'r1'): ClaimEvent => ({
  v: 1,
  kind: 'claim',
  room,
  learner: slug.toUpperCase(),
  slug,
  claim: id,
  at: '2026-12-01T10:00:00.000Z',
  version: '1',
});

describe('seatOf', () => {
  const claims = [
    claim('ann', 'a1'),
    claim('bob', 'b1'),
    claim('ann', 'x9'),
    claim('cy', 'c1'),
    claim('bob', 'b1'),
  ];

  it('hands out seats in the order of first claims', () => {
    expect(seatOf(claims, 'r1', 'a1')).toEqual({ kind: 'seat', index: 0 });
    expect(seatOf(claims, 'r1', 'b1')).toEqual({ kind: 'seat', index: 1 });
    expect(seatOf(claims, 'r1', 'c1')).toEqual({ kind: 'seat', index: 2 });
  });

  it('a name claimed first by someone else is taken, and says by whom', () => {
    expect(seatOf(claims, 'r1', 'x9')).toEqual({ kind: 'taken', by: 'ANN' });
  });

  it('claiming again with the same claim keeps the same seat', () => {
    expect(seatOf([...claims, claim('bob', 'b1')], 'r1', 'b1')).toEqual({ kind: 'seat', index: 1 });
  });

  it('a seat past the pool is full; a claim not read yet is unseen; other rooms do not count', () => {
    expect(seatOf(claims, 'r1', 'c1', 2)).toEqual({ kind: 'full', seats: 2 });
    expect(seatOf(claims, 'r1', 'nope')).toEqual({ kind: 'unseen' });
    expect(seatOf([claim('zed', 'z1', 'other'), ...claims], 'r1', 'a1')).toEqual({ kind: 'seat', index: 0 });
  });
});

describe('parseClaim', () => {
  it('takes only well-formed claims, and only their fields', () => {
    expect(parseClaim({ ...claim('ann', 'a1'), password: 'x' })).toEqual(claim('ann', 'a1'));
    expect(parseClaim({ ...claim('ann', 'a1'), claim: '' })).toBeUndefined();
    expect(parseClaim({ ...claim('ann', 'a1'), kind: 'step' })).toBeUndefined();
    expect(parseClaim('claim')).toBeUndefined();
    expect(parseClaim(null)).toBeUndefined();
  });
});
