import type { CodedDiagnosis } from '../diagnosis/catalog.js';
import { DiagnosedFailure } from '../engine/contract.js';

export type {
  ActionContext,
  ActionDefinition,
  ActionOutcome,
  ParamValues,
} from '../engine/contract.js';

/**
 * A failure an action recognises itself (e.g. the marker never arrived), already diagnosed: with a
 * code of the catalogue and a value for each of its texts' slots (checked by the compiler).
 */
export class StepFailure extends DiagnosedFailure {
  constructor(diagnosis: CodedDiagnosis, details: Record<string, unknown> = {}) {
    super(diagnosis, details);
  }
}
