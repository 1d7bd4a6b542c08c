/**
 * Brokers answer in fastjson, which is not always JSON: map keys may be bare numbers
 * (`{"brokerAddrs":{0:"127.0.0.1:10911"}}`) or whole objects (a MessageQueue keying an offset table).
 * This parses both. A bare number key becomes its decimal text; an object key becomes its JSON text,
 * so `JSON.parse(key)` gives it back.
 */
export function parseFastjson(text: string): unknown {
  const parser = new Parser(text);
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail('trailing characters');
  return value;
}

export class FastjsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FastjsonError';
  }
}

class Parser {
  private at = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.at >= this.text.length;
  }

  fail(what: string): never {
    throw new FastjsonError(`${what} at position ${this.at}`);
  }

  skipSpace(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at]!)) this.at++;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.at];
    if (c === '{') return this.object();
    if (c === '[') return this.array();
    if (c === '"') return this.string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return value;
      }
    }
    return this.fail('unexpected character');
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === '}') {
      this.at++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      const key = this.value();
      const name =
        typeof key === 'string' ? key : typeof key === 'number' ? String(key) : JSON.stringify(key);
      this.skipSpace();
      if (this.text[this.at] !== ':') this.fail('expected ":"');
      this.at++;
      result[name] = this.value();
      this.skipSpace();
      const c = this.text[this.at++];
      if (c === '}') return result;
      if (c !== ',') this.fail('expected "," or "}"');
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.at++;
    this.skipSpace();
    if (this.text[this.at] === ']') {
      this.at++;
      return result;
    }
    for (;;) {
      result.push(this.value());
      this.skipSpace();
      const c = this.text[this.at++];
      if (c === ']') return result;
      if (c !== ',') this.fail('expected "," or "]"');
    }
  }

  private string(): string {
    const start = this.at;
    this.at++;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (c === '\\') this.at += 2;
      else if (c === '"') {
        this.at++;
        return JSON.parse(this.text.slice(start, this.at)) as string;
      } else this.at++;
    }
    return this.fail('unterminated string');
  }

  private number(): number {
    const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.at, this.at + 40));
    if (!match) return this.fail('bad number');
    this.at += match[0].length;
    return Number(match[0]);
  }
}
