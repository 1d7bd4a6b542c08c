import { type NetworkFinding, networkStepId } from '../codegen/route.js';
import { envVarName, type ResolvedParams } from '../engine/params.js';
import { isSecretParam, secretParamIds } from '../engine/secrets.js';
import type { Tutorial } from '../engine/types.js';
import type { Lang } from '../i18n/index.js';
import { damageNotices } from '../profile/notice.js';
import type { ProfileStore } from '../profile/store.js';
import { buildReport, type ReportTarget } from '../report/report.js';
import { SANDBOX_BROKERS, sandboxNameServerFor } from '../sandbox/params.js';
import { sandboxConnection } from '../sandbox/sandbox.js';
import { allSecretValues } from '../sandbox/state.js';
import { packageVersion } from '../util/version.js';
import { checkRequest, openStore, profileNameOf } from './open.js';
import { resolveLayers, resumePoint } from './prepare.js';
import { tutorialOfState } from './tutorials.js';

/** The most recent run among the given profile (or all) and tutorial (or all); undefined before any. */
export function findLastRun(
  store: ProfileStore,
  options: { profile?: string; tutorial?: string; env?: NodeJS.ProcessEnv },
): ReportTarget | undefined {
  const profiles = options.profile ? [options.profile] : store.list();
  let best: ReportTarget | undefined;
  for (const profile of profiles) {
    for (const [id, state] of Object.entries(store.read(profile).tutorials)) {
      if (options.tutorial && id !== options.tutorial) continue;
      if (!state.lastRun) continue;
      if (best && (best.state.lastRun?.startedAt ?? '') >= state.lastRun.startedAt) continue;
      const tutorial = tutorialOfState(id, state.lastRun.tutorialDir, options.env);
      if (tutorial) best = { profile, tutorial, state };
    }
  }
  return best;
}

/**
 * The report of a profile's last run: the values the run recorded (an older run that recorded none
 * shows them as they resolve now), every secret it could meet masked — saved ones, MQ_TUTOR_*
 * variables, the sandbox's keys.
 */
export function reportOf(
  store: ProfileStore,
  target: ReportTarget,
  options: { lang: Lang; env?: NodeJS.ProcessEnv; useSandbox?: boolean; now?: Date },
): string {
  const env = options.env ?? process.env;
  const { tutorial, state, profile } = target;
  const run = state.lastRun;
  const saved = store.readSecrets(profile, tutorial.id);
  const connection = options.useSandbox || profile === 'sandbox' ? sandboxConnection(env) : undefined;
  const recorded = run?.params !== undefined && run.paramSources !== undefined;
  const broker = SANDBOX_BROKERS.find((b) => b === tutorial.broker);
  const resolved: ResolvedParams = recorded
    ? {
        values: {
          ...run.params,
          // A secret's value is never recorded, only that it was set.
          ...Object.fromEntries(
            Object.keys(run.paramSources ?? {})
              .filter((k) => isSecretParam(tutorial.params[k]))
              .map((k) => [k, 'set']),
          ),
        },
        sources: run.paramSources as ResolvedParams['sources'],
      }
    : resolveLayers(
        tutorial,
        { env, profile: { ...state.params, ...saved } },
        broker && connection?.sets[broker],
      ).resolved;
  const fromEnv = secretParamIds(tutorial).map((id) => env[envVarName(id)] ?? '');
  const sandboxSecrets = sandboxConnection(env)?.secrets;
  const mask = [
    ...Object.values(saved),
    ...fromEnv,
    ...(sandboxSecrets ? allSecretValues(sandboxSecrets) : []),
  ];
  return buildReport({
    target,
    lang: options.lang,
    resolved,
    recorded,
    savedSecrets: saved,
    resumeAt: resumePoint(tutorial, state),
    mask: mask.filter((v) => v.length >= 3),
    version: packageVersion(),
    ...(options.now ? { now: options.now } : {}),
  });
}

/**
 * The values `mq-tutor code` fills in: the profile's, with --set, MQ_TUTOR_* and (for the sandbox
 * profile, or with --sandbox) the sandbox's on top, as a run would resolve them. Nothing is written.
 */
export function valuesForCode(request: {
  tutorial: string;
  profile?: string;
  sandbox: boolean;
  set: readonly string[];
  lang: Lang;
  env?: NodeJS.ProcessEnv;
}): {
  tutorial: Tutorial;
  profile: string;
  values: Record<string, string>;
  nameServer?: string;
  /** The profile's last network check, which tells the generated code its route. */
  network?: NetworkFinding;
  notices: string[];
} {
  const env = request.env ?? process.env;
  const { tutorial, set } = checkRequest(request);
  const profile = profileNameOf(request);
  const store = openStore(env, { readOnly: true });
  const state = store.tutorial(profile, tutorial.id);
  const broker = SANDBOX_BROKERS.find((b) => b === tutorial.broker);
  const connection = request.sandbox || profile === 'sandbox' ? sandboxConnection(env) : undefined;
  const { resolved } = resolveLayers(
    tutorial,
    { set, env, profile: { ...state.params, ...store.readSecrets(profile, tutorial.id) } },
    broker && connection?.sets[broker],
  );
  const nameServer = connection ? sandboxNameServerFor(resolved.values.endpoints ?? '') : undefined;
  const networkStep = networkStepId(tutorial);
  const network = networkStep ? state.progress[networkStep]?.details : undefined;
  return {
    tutorial,
    profile,
    values: resolved.values,
    ...(nameServer ? { nameServer } : {}),
    ...(network ? { network } : {}),
    notices: damageNotices(request.lang, store),
  };
}
