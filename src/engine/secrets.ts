import type { ParamDef } from './types.js';

/**
 * Secrecy follows `type: secret` alone (DESIGN.md section 3): such a parameter is never printed,
 * reported, written into generated code, or stored unless the user opted in.
 */
export function isSecretParam(def: ParamDef | undefined): boolean {
  return def?.type === 'secret';
}

export function secretParamIds(tutorial: { params: Readonly<Record<string, { type: string }>> }): string[] {
  return Object.entries(tutorial.params)
    .filter(([, def]) => def.type === 'secret')
    .map(([id]) => id);
}
