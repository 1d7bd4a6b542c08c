/**
 * A learner's claim to a name in the room, published before anything else. The progress topic is
 * read in one order by everyone (one partition, one queue), so the first claim of a name wins it,
 * and the order of first claims hands out the seats (the pool's groups): thirty learners joining in
 * the same second still each get their own.
 */
export interface ClaimEvent {
  v: 1;
  kind: 'claim';
  room: string;
  learner: string;
  /** The name as it decides who is who (see learnerSlug). */
  slug: string;
  /** Random, kept by the learner's machine: the same learner joining again is not someone else. */
  claim: string;
  at: string;
  version: string;
}

export function parseClaim(value: unknown): ClaimEvent | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.v !== 1 || m.kind !== 'claim') return undefined;
  for (const key of ['room', 'learner', 'slug', 'claim', 'at'] as const)
    if (typeof m[key] !== 'string' || m[key] === '') return undefined;
  return {
    v: 1,
    kind: 'claim',
    room: m.room as string,
    learner: m.learner as string,
    slug: m.slug as string,
    claim: m.claim as string,
    at: m.at as string,
    version: typeof m.version === 'string' ? m.version : '',
  };
}

export type Seat =
  | { kind: 'seat'; index: number }
  /** Someone else claimed the name first. */
  | { kind: 'taken'; by: string }
  /** Every seat of the pool is taken. */
  | { kind: 'full'; seats: number }
  /** Our claim is not among those read yet. */
  | { kind: 'unseen' };

/** Where `claim` stands among the room's claims, in the order the broker keeps them. */
export function seatOf(claims: readonly ClaimEvent[], room: string, claim: string, seats?: number): Seat {
  const first = new Map<string, ClaimEvent>();
  for (const c of claims) if (c.room === room && !first.has(c.slug)) first.set(c.slug, c);
  const ours = claims.find((c) => c.room === room && c.claim === claim);
  if (!ours) return { kind: 'unseen' };
  const owner = first.get(ours.slug) as ClaimEvent;
  if (owner.claim !== claim) return { kind: 'taken', by: owner.learner };
  const index = [...first.keys()].indexOf(ours.slug);
  if (seats !== undefined && index >= seats) return { kind: 'full', seats };
  return { kind: 'seat', index };
}
