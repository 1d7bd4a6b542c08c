import type { ActionServices } from '../actions/services.js';
import type { EngineKit } from '../engine/contract.js';
import { envVarName } from '../engine/params.js';
import { isSecretParam } from '../engine/secrets.js';
import type { EngineEvent, Tutorial } from '../engine/types.js';
import { type Lang, type MessageKey, t } from '../i18n/index.js';
import { damageNotices } from '../profile/notice.js';
import { isProfileName, ProfileStore } from '../profile/store.js';
import { SANDBOX_BROKERS, type SandboxBroker, sandboxNameServerFor } from '../sandbox/params.js';
import { sandboxGroupView } from '../sandbox/rocketmq/admin.js';
import { sandboxConnection, sandboxUp } from '../sandbox/sandbox.js';
import { UnusableFolderError } from '../util/paths.js';
import { SessionError } from './errors.js';
import { persistGiven } from './given.js';
import { engineKit } from './kit.js';
import { earlierResults, resolveLayers, resumePoint } from './prepare.js';
import { acquireRunLock, ProfileBusyError } from './run-lock.js';
import { sandboxErrorText } from './sandbox-errors.js';
import { Session } from './session.js';
import { parseSetPairs } from './set-pairs.js';
import { openTutorial } from './tutorials.js';

/** What a front end asks for; every front end opens its run through `openSession`. */
export interface SessionRequest {
  /** A tutorial id, or the path of a tutorial folder. */
  tutorial: string;
  profile?: string;
  sandbox: boolean;
  /** The sandbox's parameters and services when it runs here, without starting it (a workshop room made on it). */
  useSandbox?: boolean;
  /** `--set` as typed (`key=value`), or already split. */
  set: readonly string[] | Record<string, string>;
  step?: string;
  saveSecrets: boolean;
  /** Where to write the programs once the round trip is verified. */
  out?: string;
  mode: 'yes' | 'json' | 'wizard' | 'plain';
  lang: Lang;
  signal: AbortSignal;
  env?: NodeJS.ProcessEnv;
  store?: ProfileStore;
  /** The actions and diagnosis the engine is handed; tests give actions that follow a script. */
  kit?: EngineKit;
  onEvent?: (event: EngineEvent) => void;
  /** Told only when the sandbox really has to start something (it may take a minute). */
  onSandboxStarting?: (broker: string) => void;
}

export function profileNameOf(request: Pick<SessionRequest, 'profile' | 'sandbox'>): string {
  return request.profile ?? (request.sandbox ? 'sandbox' : 'default');
}

/**
 * The tutorial the request names, checked against its `--set` keys and `--step` before anything
 * else happens: an unknown tutorial, key or step is a SessionError that says so.
 */
export function checkRequest(request: Pick<SessionRequest, 'tutorial' | 'set' | 'step' | 'env'>): {
  tutorial: Tutorial;
  set: Record<string, string>;
} {
  const tutorial = openTutorial(request.tutorial, request.env ?? process.env);
  const set = isPairList(request.set) ? parseSetPairs(request.set) : { ...request.set };
  const unknownKey = Object.keys(set).find((key) => !(key in tutorial.params));
  if (unknownKey)
    throw new SessionError('UNKNOWN_PARAM', 'ui.unknownParam', {
      key: unknownKey,
      tutorial: tutorial.id,
      known: Object.keys(tutorial.params).join(', '),
    });
  if (request.step && !tutorial.steps.some((s) => s.id === request.step))
    throw new SessionError('UNKNOWN_STEP', 'ui.unknownStep', {
      tutorial: tutorial.id,
      step: request.step,
      known: tutorial.steps.map((s) => s.id).join(', '),
    });
  return { tutorial, set };
}

function isPairList(set: SessionRequest['set']): set is readonly string[] {
  return Array.isArray(set);
}

/** A config folder that cannot hold profiles, in words that name it and the way out. */
function configReasonKey(reason: string): MessageKey {
  const known = ['ENOTDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOENT', 'NO_HOME'];
  return `session.configDir.${known.includes(reason) ? reason : 'other'}` as MessageKey;
}

export function configDirError(error: UnusableFolderError): SessionError {
  return new SessionError(
    'CONFIG_DIR_UNUSABLE',
    'session.configDir',
    { dir: error.dir, errno: error.reason },
    undefined,
    { reason: [configReasonKey(error.reason), { code: error.reason }] },
  );
}

/** The profile store of a request; a folder that cannot be used is a SessionError. */
export function openStore(
  env: NodeJS.ProcessEnv,
  options: { readOnly?: boolean; writable?: boolean } = {},
): ProfileStore {
  try {
    const store = new ProfileStore(env, { readOnly: options.readOnly });
    if (options.writable) store.ensureWritable();
    return store;
  } catch (error) {
    if (error instanceof UnusableFolderError) throw configDirError(error);
    throw error;
  }
}

export function sandboxBrokerOf(tutorial: Tutorial): SandboxBroker {
  const broker = SANDBOX_BROKERS.find((b) => b === tutorial.broker);
  if (!broker)
    throw new SessionError('SANDBOX_UNAVAILABLE', 'session.noSandbox', {
      tutorial: tutorial.id,
      broker: tutorial.broker,
    });
  return broker;
}

/** Starts the sandbox broker a tutorial needs (quick when it runs already); failures are SessionErrors. */
export async function startSandbox(
  request: Pick<SessionRequest, 'signal' | 'env' | 'lang' | 'onSandboxStarting'>,
  broker: SandboxBroker,
): Promise<void> {
  let told = false;
  try {
    await sandboxUp({
      signal: request.signal,
      only: [broker],
      quick: true,
      ...(request.env ? { env: request.env } : {}),
      onProgress: () => {
        if (!told) request.onSandboxStarting?.(broker);
        told = true;
      },
    });
  } catch (error) {
    if (request.signal.aborted) throw error;
    if (error instanceof UnusableFolderError)
      throw new SessionError('SANDBOX_UNAVAILABLE', 'session.sandboxDir', { dir: error.dir }, undefined, {
        reason: [configReasonKey(error.reason), { code: error.reason }],
      });
    const text = sandboxErrorText(request.lang, error);
    if (text === undefined) throw error;
    throw new SessionError('SANDBOX_UNAVAILABLE', 'session.noSandbox', {}, text);
  }
}

/** The one-time warning that a secret typed after --set shows in `ps` and the shell's history. */
function secretOnCommandLine(lang: Lang, tutorial: Tutorial, set: Record<string, string>): string[] {
  const secrets = Object.keys(set).filter((key) => isSecretParam(tutorial.params[key]));
  if (secrets.length === 0) return [];
  const first = secrets[0] as string;
  return [
    t(lang, 'session.secretOnCommandLine', {
      params: secrets.map((k) => `--set ${k}=…`).join(', '),
      example: `${envVarName(first)}=… mq-tutor run ${tutorial.id} …`,
    }),
  ];
}

/**
 * Opens a run for any front end: the tutorial (by id or folder), the sandbox (started when asked
 * for and needed), the profile (a folder that cannot hold it is a usage problem), the run lock, the
 * parameters in DESIGN order with the sandbox's set chosen to fit, the resume point, and what the
 * user gave on the command line saved when it passes validation.
 */
export async function openSession(request: SessionRequest): Promise<Session> {
  const env = request.env ?? process.env;
  const { tutorial, set } = checkRequest(request);
  const profile = profileNameOf(request);
  if (!isProfileName(profile)) throw new SessionError('PROFILE_NAME', 'profile.badName', { name: profile });
  const store = request.store ?? openStore(env, { writable: true });
  if (request.store) {
    try {
      store.ensureWritable();
    } catch (error) {
      if (error instanceof UnusableFolderError) throw configDirError(error);
      throw error;
    }
  }
  const broker = request.sandbox ? sandboxBrokerOf(tutorial) : undefined;
  let release: () => void;
  try {
    release = acquireRunLock(store, profile, tutorial.id);
  } catch (error) {
    if (!(error instanceof ProfileBusyError)) throw error;
    throw new SessionError('PROFILE_BUSY', 'ui.profileBusy', {
      profile: error.profile,
      tutorial: error.tutorial,
      pid: error.pid,
    });
  }
  try {
    if (broker) await startSandbox(request, broker);
    const useSandbox = request.sandbox || request.useSandbox === true || profile === 'sandbox';
    const connection = useSandbox ? sandboxConnection(env) : undefined;
    const sandboxBroker = SANDBOX_BROKERS.find((b) => b === tutorial.broker);
    const state = store.tutorial(profile, tutorial.id);
    const { resolved } = resolveLayers(
      tutorial,
      { set, env, profile: { ...state.params, ...store.readSecrets(profile, tutorial.id) } },
      sandboxBroker ? connection?.sets[sandboxBroker] : undefined,
    );
    const services: ActionServices = connection
      ? { rocketmqGroupView: (view) => sandboxGroupView(connection.stateDir, view) }
      : {};
    const resumeAt = resumePoint(tutorial, state);
    const startId = request.step ?? resumeAt;
    const session = new Session({
      tutorial,
      profile,
      store,
      resolved,
      earlier: earlierResults(state),
      startAt: Math.max(0, startId ? tutorial.steps.findIndex((s) => s.id === startId) : 0),
      resumed: !request.step && resumeAt !== undefined,
      notices: [...damageNotices(request.lang, store), ...secretOnCommandLine(request.lang, tutorial, set)],
      saveSecrets: request.saveSecrets,
      out: request.out,
      lang: request.lang,
      mode: request.mode,
      kit: request.kit ?? engineKit(services),
      ...(connection ? { sandboxNameServer: sandboxNameServerFor } : {}),
      release,
      onEvent: request.onEvent,
    });
    persistGiven(session, resolved, request.saveSecrets);
    return session;
  } catch (error) {
    release();
    throw error;
  }
}
