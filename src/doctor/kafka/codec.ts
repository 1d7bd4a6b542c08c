/**
 * The few Kafka wire types the doctor's requests use, big-endian as the protocol has them. Only
 * non-flexible request versions are spoken, so there are no compact or tagged fields here.
 */
export class Writer {
  private readonly parts: Buffer[] = [];

  int8(value: number): this {
    const b = Buffer.alloc(1);
    b.writeInt8(value);
    return this.push(b);
  }

  int16(value: number): this {
    const b = Buffer.alloc(2);
    b.writeInt16BE(value);
    return this.push(b);
  }

  int32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(value);
    return this.push(b);
  }

  int64(value: bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(value);
    return this.push(b);
  }

  bool(value: boolean): this {
    return this.int8(value ? 1 : 0);
  }

  /** STRING, or NULLABLE_STRING when null. */
  string(value: string | null): this {
    if (value === null) return this.int16(-1);
    const b = Buffer.from(value, 'utf8');
    return this.int16(b.length).push(b);
  }

  /** BYTES, or NULLABLE_BYTES when null. */
  bytes(value: Buffer | null): this {
    if (value === null) return this.int32(-1);
    return this.int32(value.length).push(value);
  }

  array<T>(items: readonly T[] | null, each: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) each(this, item);
    return this;
  }

  build(): Buffer {
    return Buffer.concat(this.parts);
  }

  private push(b: Buffer): this {
    this.parts.push(b);
    return this;
  }
}

export class ShortFrameError extends Error {
  constructor() {
    super('Kafka answer shorter than its fields');
    this.name = 'ShortFrameError';
  }
}

export class Reader {
  private at = 0;

  constructor(private readonly buffer: Buffer) {}

  int8(): number {
    return this.take(1).readInt8();
  }

  int16(): number {
    return this.take(2).readInt16BE();
  }

  int32(): number {
    return this.take(4).readInt32BE();
  }

  int64(): bigint {
    return this.take(8).readBigInt64BE();
  }

  bool(): boolean {
    return this.int8() !== 0;
  }

  string(): string | null {
    const length = this.int16();
    return length < 0 ? null : this.take(length).toString('utf8');
  }

  bytes(): Buffer | null {
    const length = this.int32();
    return length < 0 ? null : this.take(length);
  }

  array<T>(each: (r: this) => T): T[] {
    const length = this.int32();
    const items: T[] = [];
    for (let i = 0; i < length; i++) items.push(each(this));
    return items;
  }

  get remaining(): number {
    return this.buffer.length - this.at;
  }

  private take(n: number): Buffer {
    if (this.at + n > this.buffer.length) throw new ShortFrameError();
    const slice = this.buffer.subarray(this.at, this.at + n);
    this.at += n;
    return slice;
  }
}
