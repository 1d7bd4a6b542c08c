import type { Diagnosis } from '../../engine/types.js';

export interface DiagnoseContext {
  action: string;
  values: Readonly<Record<string, string | undefined>>;
  timedOut: boolean;
  timeoutSeconds: number;
}

/** Looks at an error chain; returns a diagnosis when it recognises the failure. */
export type Rule = (
  chain: Record<string, unknown>[],
  context: DiagnoseContext,
) => Omit<Diagnosis, 'cause'> | undefined;
