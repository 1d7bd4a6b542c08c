import { redact } from '../util/secrets.js';
import { kafkaProbes } from './kafka/doctor.js';
import { kafkaDoctorInput } from './kafka/input.js';
import { type DoctorNet, systemNet } from './net/connector.js';
import { rocketmqProbes } from './rocketmq/doctor.js';
import { rocketmqDoctorInput } from './rocketmq/input.js';
import type { DoctorBroker, DoctorReport, Probe } from './types.js';
import { kafkaVerdict } from './verdict/kafka.js';
import { rocketmqVerdict } from './verdict/rocketmq.js';

/** Below the 10 s a verdict may take, with room to render it. */
export const DOCTOR_LIMIT_MS = 9000;

export interface DoctorRequest {
  broker: DoctorBroker;
  /** The tutorial's parameters, resolved as a run would resolve them. */
  values: Readonly<Record<string, string | undefined>>;
  /** Every secret value the probes could meet (and a broker could echo): masked everywhere. */
  secrets: readonly string[];
  signal?: AbortSignal;
  /** Name resolution and connections; a test gives its own. */
  net?: DoctorNet;
  limitMs?: number;
}

function masked<T>(value: T, secrets: readonly string[]): T {
  if (typeof value === 'string') return redact(value, secrets) as T;
  if (Array.isArray(value)) return value.map((v) => masked(v, secrets)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, masked(v, secrets)])) as T;
  return value;
}

/**
 * Runs every probe for the broker within the time limit (each probe has its own, shorter one),
 * and works out the verdict from what answered. Nothing on the broker is changed. A probe still
 * waiting when the limit comes is left behind, and the verdict says the check did not finish.
 */
export async function runDoctor(request: DoctorRequest): Promise<DoctorReport> {
  const started = Date.now();
  const limitMs = request.limitMs ?? DOCTOR_LIMIT_MS;
  const stop = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, stop.signal]) : stop.signal;
  const deps = request.net ?? systemNet;
  const probes: Probe[] = [];
  let route: DoctorReport['route'];
  const work =
    request.broker === 'kafka'
      ? kafkaProbes(kafkaDoctorInput(request.values), deps, signal, probes).then(() => undefined)
      : rocketmqProbes(rocketmqDoctorInput(request.values), deps, signal, probes).then((r) => {
          route = r.route;
        });
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    work.then(
      () => true,
      () => true,
    ),
    new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), limitMs);
    }),
  ]);
  clearTimeout(timer);
  if (!finished) {
    stop.abort(new Error('the doctor ran out of time'));
    probes.push({ kind: 'deadline', target: '', status: 'problem', facts: { limitMs } });
  }
  const settled = [...probes];
  const verdict = request.broker === 'kafka' ? kafkaVerdict(settled) : rocketmqVerdict(settled);
  const secrets = request.secrets.filter((s) => s.length >= 3);
  return masked(
    {
      broker: request.broker,
      ...(route ? { route } : {}),
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
      probes: settled,
      verdict,
    },
    secrets,
  );
}
