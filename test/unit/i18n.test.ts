import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSES } from '../../src/diagnosis/catalog.js';
import { listTutorials } from '../../src/engine/load.js';
import { catalog } from '../../src/i18n/catalog.js';
import { detectLang, fill } from '../../src/i18n/index.js';
import { lintTutorialDir } from '../../src/session/tutorials.js';
import { ROOT } from '../helpers/env.js';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('every user-facing string exists in zh and en', () => {
  it.each(Object.entries(catalog))('%s', (_key, entry) => {
    expect(entry.zh.trim()).not.toBe('');
    expect(entry.en.trim()).not.toBe('');
    expect(slots(entry.zh)).toEqual(slots(entry.en));
  });

  it.each(Object.entries(DIAGNOSES))('diagnosis %s', (_code, d) => {
    for (const text of [d.title, d.explanation, ...d.fixes]) {
      expect(text.zh.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(new Set(slots(text.zh))).toEqual(new Set(slots(text.en)));
    }
    expect(d.fixes.length).toBeGreaterThan(0);
  });

  it('Chinese texts are written in Chinese (not left in English)', () => {
    const sentences = Object.entries(catalog).filter(
      ([, e]) => (e.en.match(/\b[a-z]{3,}\b/g) ?? []).length >= 4,
    );
    // Mirrors the document's consumer print-out, which is the same in either language.
    const sameInBoth = new Set(['kafka.progress.message']);
    const untranslated = sentences
      .filter(([k, e]) => !sameInBoth.has(k) && !/[\u4e00-\u9fff]/.test(e.zh))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });

  it.each(listTutorials(path.join(ROOT, 'steps')))(
    'tutorial %s: every step and parameter has both languages (lint is clean)',
    (id) => {
      const { problems } = lintTutorialDir(path.join(ROOT, 'steps', id));
      expect(problems).toEqual([]);
    },
  );
});

describe('language choice', () => {
  it('--lang wins, then LC_ALL, LC_MESSAGES, LANG; zh_* means Chinese', () => {
    expect(detectLang('zh', { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(detectLang(undefined, { LC_ALL: 'zh_TW', LANG: 'en_US' })).toBe('zh');
    expect(detectLang(undefined, { LC_ALL: 'C', LANG: 'zh_CN' })).toBe('en');
    expect(detectLang(undefined, {})).toBe('en');
    expect(detectLang('python', { LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });

  it('fills slots and leaves unknown ones visible', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });
});
