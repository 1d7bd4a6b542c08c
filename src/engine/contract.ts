import type { Message } from '../i18n/index.js';
import type { Diagnosis, StepResult } from './types.js';

/**
 * What the engine asks of the live capabilities it runs, and what it hands them. The engine is
 * given its action catalogue and its diagnosis function by the session; it imports neither.
 */
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
  /** What the session lends the actions beyond parameters (e.g. the sandbox's view of a group). */
  services: object;
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

// biome-ignore lint/suspicious/noExplicitAny: each action has its own input type
type Loader = () => Promise<{ action: ActionDefinition<any> }>;

export interface ActionEntry {
  /** Parameters the action reads; a step running it must list them. */
  reads: readonly string[];
  /** Static arguments the step must give under `with`. */
  args?: readonly string[];
  /** The broker the action talks to; a tutorial may only use actions of its own broker. */
  broker?: string;
  /** A pass of this action means the round trip is verified (code is written after it, etc.). */
  verifies?: boolean;
  /** Loaded only when a step runs it, so heavy clients never slow start-up. */
  load: Loader;
}

export type ActionCatalogue = Readonly<Record<string, ActionEntry>>;

export interface DiagnoseContext {
  action: string;
  values: Readonly<Record<string, string | undefined>>;
  timedOut: boolean;
  timeoutSeconds: number;
}

export type DiagnoseFn = (error: unknown, context: DiagnoseContext) => Diagnosis;

/** Everything the engine is handed to run steps. */
export interface EngineKit {
  actions: ActionCatalogue;
  diagnose: DiagnoseFn;
  services?: object;
}

/** A failure an action recognises itself (e.g. the marker never arrived), already diagnosed. */
export class DiagnosedFailure extends Error {
  constructor(
    readonly diagnosis: Diagnosis,
    readonly details: Record<string, unknown> = {},
  ) {
    super(diagnosis.code);
    this.name = 'StepFailure';
  }
}

/** The brokers the catalogue's actions talk to. */
export function catalogueBrokers(actions: ActionCatalogue): string[] {
  return [...new Set(Object.values(actions).flatMap((a) => (a.broker ? [a.broker] : [])))].sort();
}
