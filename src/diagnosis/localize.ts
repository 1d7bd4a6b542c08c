import type { Diagnosis } from '../engine/types.js';
import { fill, type Lang } from '../i18n/index.js';
import { diagnosisText } from './catalog.js';

export interface LocalizedDiagnosis {
  code: string;
  title: string;
  explanation: string;
  fixes: string[];
  cause?: string;
}

/** The diagnosis in the user's language, as the front ends and the JSON output show it. */
export function localizeDiagnosis(d: Diagnosis, lang: Lang): LocalizedDiagnosis {
  const text = diagnosisText(d.code);
  const values = d.values ?? {};
  return {
    code: d.code,
    title: fill(text.title[lang], values),
    explanation: fill(text.explanation[lang], values),
    fixes: text.fixes.map((f) => fill(f[lang], values)),
    ...(d.cause ? { cause: d.cause } : {}),
  };
}
