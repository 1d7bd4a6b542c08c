import type { DoctorNet } from '../doctor/net/connector.js';
import { runDoctor } from '../doctor/run.js';
import type { DoctorBroker, DoctorReport } from '../doctor/types.js';
import { envVarName, type ResolvedParams } from '../engine/params.js';
import { secretParamIds } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import type { Lang } from '../i18n/index.js';
import { damageNotices } from '../profile/notice.js';
import { isProfileName, type ProfileStore } from '../profile/store.js';
import { buildDoctorReport } from '../report/doctor.js';
import { SANDBOX_BROKERS } from '../sandbox/params.js';
import { sandboxConnection } from '../sandbox/sandbox.js';
import { allSecretValues } from '../sandbox/state.js';
import { packageVersion } from '../util/version.js';
import { SessionError } from './errors.js';
import { checkRequest, openStore, profileNameOf, sandboxBrokerOf, startSandbox } from './open.js';
import { resolveLayers } from './prepare.js';
import { findLastRun, reportOf } from './report.js';

export interface DoctorSessionRequest {
  tutorial: string;
  profile?: string;
  sandbox: boolean;
  set: readonly string[];
  lang: Lang;
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
  net?: DoctorNet;
  onSandboxStarting?: (broker: string) => void;
}

export interface DoctorSession {
  tutorial: Tutorial;
  profile: string;
  store: ProfileStore;
  resolved: ResolvedParams;
  savedSecrets: Record<string, string>;
  /** Every secret the doctor could meet: the parameters', MQ_TUTOR_* variables', the sandbox's. */
  mask: string[];
  report: DoctorReport;
  notices: string[];
}

function doctorBroker(tutorial: Tutorial): DoctorBroker {
  if (tutorial.broker === 'kafka' || tutorial.broker === 'rocketmq') return tutorial.broker;
  throw new SessionError('UNKNOWN_TUTORIAL', 'doctor.notBroker', { tutorial: tutorial.id });
}

/**
 * The doctor, with the parameters a run of the tutorial would use: the same layers (--set,
 * MQ_TUTOR_*, the profile, the sandbox's set that fits), and --sandbox starting the broker when
 * needed. Unlike a run it takes no lock and writes nothing into the profile: it only looks.
 */
export async function doctorSession(request: DoctorSessionRequest): Promise<DoctorSession> {
  const env = request.env ?? process.env;
  const { tutorial, set } = checkRequest({ ...request, env });
  const broker = doctorBroker(tutorial);
  const profile = profileNameOf(request);
  if (!isProfileName(profile)) throw new SessionError('PROFILE_NAME', 'profile.badName', { name: profile });
  const store = openStore(env, { readOnly: true });
  if (request.sandbox) await startSandbox({ ...request, env }, sandboxBrokerOf(tutorial));
  const connection = request.sandbox || profile === 'sandbox' ? sandboxConnection(env) : undefined;
  const sandboxBroker = SANDBOX_BROKERS.find((b) => b === tutorial.broker);
  const state = store.tutorial(profile, tutorial.id);
  const savedSecrets = store.readSecrets(profile, tutorial.id);
  const { resolved } = resolveLayers(
    tutorial,
    { set, env, profile: { ...state.params, ...savedSecrets } },
    sandboxBroker ? connection?.sets[sandboxBroker] : undefined,
  );
  const secretIds = secretParamIds(tutorial);
  const sandboxSecrets = sandboxConnection(env)?.secrets;
  const mask = [
    ...secretIds.map((id) => resolved.values[id] ?? ''),
    ...secretIds.map((id) => env[envVarName(id)] ?? ''),
    ...Object.values(savedSecrets),
    ...(sandboxSecrets ? allSecretValues(sandboxSecrets) : []),
  ].filter((v) => v.length >= 3);
  const report = await runDoctor({
    broker,
    values: resolved.values,
    secrets: mask,
    signal: request.signal,
    ...(request.net ? { net: request.net } : {}),
  });
  return {
    tutorial,
    profile,
    store,
    resolved,
    savedSecrets,
    mask,
    report,
    notices: damageNotices(request.lang, store),
  };
}

/** The doctor's Markdown report, followed by the report of the profile's last run of the tutorial. */
export function doctorMarkdown(
  session: DoctorSession,
  lang: Lang,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const target = findLastRun(session.store, { profile: session.profile, tutorial: session.tutorial.id, env });
  const lastRun = target ? reportOf(session.store, target, { lang, env }) : undefined;
  return buildDoctorReport({
    lang,
    tutorial: session.tutorial,
    profile: session.profile,
    report: session.report,
    resolved: session.resolved,
    savedSecrets: session.savedSecrets,
    mask: session.mask,
    version: packageVersion(),
    ...(lastRun ? { lastRun } : {}),
  });
}
