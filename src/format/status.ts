import type { StepResult } from '../engine/types.js';
import { type Lang, t } from '../i18n/index.js';

export const STATUS_ICON: Record<StepResult['status'], string> = {
  passed: '✔',
  warned: '!',
  failed: '✖',
  skipped: '–',
};

export function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function statusWord(lang: Lang, result: StepResult): string {
  if (result.status === 'skipped')
    return t(lang, `ui.skip.${result.skipReason ?? 'condition'}` as 'ui.skip.condition');
  return t(lang, `ui.status.${result.status}` as 'ui.status.passed');
}
