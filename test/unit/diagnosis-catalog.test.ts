import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CodedDiagnosis, DIAGNOSES, type DiagnosisSlots } from '../../src/diagnosis/catalog.js';
import { localizeDiagnosis } from '../../src/diagnosis/localize.js';
import type { Localized } from '../../src/i18n/index.js';
import { ROOT } from '../helpers/env.js';

/**
 * The catalogue and its emitters agree. The compiler does most of it: a code must be a
 * DiagnosisCode, and every {slot} of its texts must get a value (CodedDiagnosis). What the compiler
 * cannot see is an entry nobody emits (its slots are then never filled either), so the sources of
 * the emitters are read here for the codes they name.
 */

const EMITTERS = ['src/actions', 'src/diagnosis'];

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts'))
    .map((e) => readFileSync(path.join(e.parentPath, e.name), 'utf8'));
}

function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  // Node's own errno codes (ETIMEDOUT...) given to an error are not diagnoses.
  for (const text of EMITTERS.flatMap(sources))
    for (const m of text.matchAll(/\bcode: '([A-Z][A-Z_]+)'/g))
      if (!/^E[A-Z]+$/.test(m[1] as string)) codes.add(m[1] as string);
  return codes;
}

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

describe('the diagnosis catalogue and its emitters', () => {
  it('every code that is emitted has an entry', () => {
    const unknown = [...emittedCodes()].filter((c) => !(c in DIAGNOSES));
    expect(unknown).toEqual([]);
  });

  it('every entry is emitted somewhere (an entry nobody emits never has its slots filled)', () => {
    const emitted = emittedCodes();
    const orphans = Object.keys(DIAGNOSES).filter((c) => !emitted.has(c));
    expect(orphans).toEqual([]);
  });

  it('the compiler reads the slots from the texts (so a missing value fails tsc)', () => {
    // Compile-time checks: if the texts lost their literal types, these lines would stop compiling.
    const needed: DiagnosisSlots<'VERIFY_NOT_COMMITTED'>[] = ['group', 'partition', 'offset'];
    // @ts-expect-error "topic" is not a slot of VERIFY_NOT_COMMITTED
    const notASlot: DiagnosisSlots<'VERIFY_NOT_COMMITTED'> = 'topic';
    // @ts-expect-error the value for {offset} is missing
    const missing: CodedDiagnosis = { code: 'VERIFY_NOT_COMMITTED', values: { group: 'g', partition: 0 } };
    // @ts-expect-error no such code
    const unknown: CodedDiagnosis = { code: 'NET_UNREACHABLE' };
    const entry = DIAGNOSES.VERIFY_NOT_COMMITTED;
    const texts: Localized[] = [entry.title, entry.explanation, ...entry.fixes];
    expect(new Set(needed)).toEqual(new Set(texts.flatMap((t) => [...slots(t.en), ...slots(t.zh)])));
    expect([notASlot, missing.code, unknown.code]).toHaveLength(3);
  });

  it('a diagnosis built with every slot filled leaves no {slot} in either language', () => {
    for (const [code, entry] of Object.entries(DIAGNOSES)) {
      const texts = [entry.title, entry.explanation, ...entry.fixes];
      const values = Object.fromEntries(texts.flatMap((t) => slots(t.en)).map((s) => [s, 'x']));
      for (const lang of ['en', 'zh'] as const) {
        const d = localizeDiagnosis({ code, values }, lang);
        expect(`${d.title}${d.explanation}${d.fixes.join('')}`, `${code} (${lang})`).not.toMatch(/\{\w+\}/);
      }
    }
  });
});
