import type { Localized, Message } from '../i18n/index.js';

/** The value kinds a parameter can have; each has its own validation in params.ts. */
export type ParamType =
  | 'string'
  | 'hostPort'
  | 'hostPortList'
  /** Addresses as a console prints them: host:port, optionally http:// or https://, `;` or `,` between. */
  | 'addressList'
  | 'enum'
  | 'boolean'
  | 'file'
  | 'secret'
  /** A TDMQ namespace's full name, cluster ID | namespace (or empty). */
  | 'tdmqNamespace'
  /** A TDMQ topic or group: short, or full (namespace % name). */
  | 'tdmqName';

/** `when: {securityProtocol: SASL_SSL}`: every listed parameter must have one of the values. */
export type Condition = Record<string, string | string[]>;

export interface ParamRule {
  pattern: string;
  message: Localized;
}

export interface ParamDef {
  id: string;
  type: ParamType;
  label: Localized;
  /** What the parameter is and where the user finds it (e.g. the console page). */
  help: Localized;
  required: boolean;
  default?: string;
  example?: string;
  choices?: string[];
  when?: Condition;
  rules: ParamRule[];
}

export interface StepDef {
  id: string;
  title: Localized;
  /** Markdown explaining the step, one per language. */
  body: Localized;
  /** What a pass means, shown next to the result. */
  passes: Localized;
  action: string;
  /** Static arguments for the action, e.g. which Python package to look for. */
  with: Record<string, string>;
  params: string[];
  when?: Condition;
  timeoutSeconds: number;
  file: string;
}

export interface Tutorial {
  id: string;
  title: Localized;
  summary: Localized;
  source: string;
  /** The broker it talks to (`kafka`, `rocketmq`): what `--sandbox`, code and the report go by. */
  broker: string;
  params: Record<string, ParamDef>;
  steps: StepDef[];
  dir: string;
}

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'warned';

/** A failure put into words: a code from the diagnosis catalog, with values for its text. */
export interface Diagnosis {
  code: string;
  values?: Record<string, string | number>;
  /** The underlying error's own message, secrets removed, for support engineers. */
  cause?: string;
}

export interface StepResult {
  step: string;
  status: StepStatus;
  durationMs: number;
  details: Record<string, unknown>;
  summary?: Message;
  notes?: Message[];
  diagnosis?: Diagnosis;
  /** Why a step was skipped. */
  skipReason?: 'condition' | 'after-failure' | 'passed-earlier' | 'before-start' | 'by-user' | 'interrupted';
}

export interface RunSummary {
  tutorial: string;
  passed: number;
  failed: number;
  skipped: number;
  warned: number;
  durationMs: number;
  interrupted: boolean;
  results: StepResult[];
}

export type EngineEvent =
  | { type: 'run-started'; tutorial: string; steps: { id: string; willRun: boolean }[]; at: string }
  | { type: 'step-started'; tutorial: string; step: string; at: string }
  | {
      type: 'step-progress';
      tutorial: string;
      step: string;
      message: Message;
      data?: Record<string, unknown>;
    }
  | { type: 'step-finished'; tutorial: string; result: StepResult }
  | { type: 'run-finished'; summary: RunSummary };
