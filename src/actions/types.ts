import type { Diagnosis, StepResult } from '../engine/types.js';
import type { Message } from '../i18n/index.js';

export type ParamValues = Readonly<Record<string, string | undefined>>;

export interface ActionContext {
  signal: AbortSignal;
  /** Streams a line of progress (each server probed, each message read...). */
  progress(message: Message, data?: Record<string, unknown>): void;
  /** The latest result of an earlier step that ran `actionId`, in this run or a saved earlier one. */
  resultOf(actionId: string): StepResult | undefined;
  /** When the engine will abort the step, ms since epoch; an action that waits should finish before. */
  deadline: number;
  /** Time the run began, ms since epoch. */
  runStartedAt: number;
  /** A marker unique to this run, carried in produced messages so consumers can recognise them. */
  runId: string;
}

export interface ActionOutcome {
  status: 'passed' | 'warned';
  details: Record<string, unknown>;
  summary: Message;
  notes?: Message[];
}

export interface ActionDefinition<Input> {
  id: string;
  /** Turns resolved, validated parameters and the step's static `with` arguments into typed input. */
  input(params: ParamValues, args: Readonly<Record<string, string>>): Input;
  run(input: Input, ctx: ActionContext): Promise<ActionOutcome>;
}

/** A failure an action recognises itself (e.g. the marker never arrived), already diagnosed. */
export class StepFailure extends Error {
  constructor(
    readonly diagnosis: Diagnosis,
    readonly details: Record<string, unknown> = {},
  ) {
    super(diagnosis.code);
    this.name = 'StepFailure';
  }
}
