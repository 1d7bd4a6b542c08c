import { conditionHolds, valueProblem } from '../../engine/params.js';
import { isSecretParam } from '../../engine/secrets.js';
import type { ParamDef, StepDef, Tutorial } from '../../engine/types.js';
import type { Message } from '../../i18n/index.js';

/**
 * The parameter form as data: which fields a step shows for the values being typed, how each
 * value is checked, and how a key press edits a value. The Ink form and the line mode share it.
 */

export function isSecret(def: ParamDef): boolean {
  return isSecretParam(def);
}

/** A step's parameters that apply to the values as they are now (e.g. caFile only for SASL_SSL). */
export function visibleFields(tutorial: Tutorial, step: StepDef, values: Record<string, string>): ParamDef[] {
  return step.params
    .map((id) => tutorial.params[id])
    .filter((def): def is ParamDef => def !== undefined && conditionHolds(def.when, values));
}

/** What is wrong with one value, as the engine would say it before running; undefined when fine. */
export const fieldProblem = valueProblem;

export function formProblems(
  fields: readonly ParamDef[],
  values: Record<string, string>,
): Map<string, Message> {
  const problems = new Map<string, Message>();
  for (const def of fields) {
    const problem = fieldProblem(def, values[def.id], values);
    if (problem) problems.set(def.id, problem);
  }
  return problems;
}

/** Whether the field is edited by choosing (enum, boolean) rather than typing. */
export function isChoice(def: ParamDef): boolean {
  return def.type === 'enum' || def.type === 'boolean';
}

export function choicesOf(def: ParamDef): string[] {
  if (def.type === 'boolean') return ['false', 'true'];
  return def.choices ?? [];
}

/** The next (or previous) choice of an enum or boolean field. */
export function cycle(def: ParamDef, value: string, direction: 1 | -1): string {
  const choices = choicesOf(def);
  if (choices.length === 0) return value;
  const at = choices.indexOf(def.type === 'boolean' ? value.toLowerCase() : value);
  const next = at < 0 ? 0 : (at + direction + choices.length) % choices.length;
  return choices[next] as string;
}

export type EditAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'clear' };

export interface Edit {
  value: string;
  /** Cursor position in characters (code points). */
  cursor: number;
}

/** Applies one editing key to a text value. */
export function edit(current: Edit, action: EditAction): Edit {
  const chars = Array.from(current.value);
  const cursor = Math.min(Math.max(0, current.cursor), chars.length);
  switch (action.type) {
    case 'insert': {
      const text = Array.from(action.text.replace(/[\u0000-\u001f\u007f]/g, ''));
      chars.splice(cursor, 0, ...text);
      return { value: chars.join(''), cursor: cursor + text.length };
    }
    case 'backspace':
      if (cursor === 0) return { value: current.value, cursor };
      chars.splice(cursor - 1, 1);
      return { value: chars.join(''), cursor: cursor - 1 };
    case 'left':
      return { value: current.value, cursor: Math.max(0, cursor - 1) };
    case 'right':
      return { value: current.value, cursor: Math.min(chars.length, cursor + 1) };
    case 'home':
      return { value: current.value, cursor: 0 };
    case 'end':
      return { value: current.value, cursor: chars.length };
    case 'clear':
      return { value: '', cursor: 0 };
  }
}

/** How a secret is shown: one dot per character typed; a stored one as a fixed row of dots. */
export function maskSecret(value: string, typed: boolean): string {
  if (!value) return '';
  return typed ? '•'.repeat(Array.from(value).length) : '••••••••';
}
