import type { DiagnoseContext } from '../../engine/contract.js';
import type { CodedDiagnosis } from '../catalog.js';

export type { DiagnoseContext } from '../../engine/contract.js';

/** Looks at an error chain; returns a diagnosis when it recognises the failure. */
export type Rule = (chain: Record<string, unknown>[], context: DiagnoseContext) => CodedDiagnosis | undefined;
