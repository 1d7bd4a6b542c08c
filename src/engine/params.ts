import { existsSync, statSync } from 'node:fs';
import { type Message, msg } from '../i18n/index.js';
import { checkNamespace, normalize } from '../naming/tdmq.js';
import { type AddressProblem, parseAddressList } from '../util/addresses.js';
import type { Condition, ParamDef, StepDef, Tutorial } from './types.js';

/** Where a value came from; `typed`: entered in this walk, on screen or at a prompt. */
export type ParamSource = 'set' | 'env' | 'profile' | 'sandbox' | 'default' | 'typed';

export interface ParamLayers {
  set?: Record<string, string>;
  env?: NodeJS.ProcessEnv;
  profile?: Record<string, string>;
  /** The sandbox's own values, under the profile (the user may override them there). */
  sandbox?: Record<string, string>;
}

export interface ResolvedParams {
  values: Record<string, string>;
  sources: Record<string, ParamSource>;
}

/** `bootstrapServers` -> `MQ_TUTOR_BOOTSTRAP_SERVERS`. */
export function envVarName(key: string): string {
  return `MQ_TUTOR_${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()}`;
}

/** Precedence (DESIGN.md 3): --set > MQ_TUTOR_* > profile > (sandbox) > step default. */
export function resolveParams(tutorial: Tutorial, layers: ParamLayers): ResolvedParams {
  const values: Record<string, string> = {};
  const sources: Record<string, ParamSource> = {};
  for (const def of Object.values(tutorial.params)) {
    const envValue = layers.env?.[envVarName(def.id)];
    const candidates: [ParamSource, string | undefined][] = [
      ['set', layers.set?.[def.id]],
      ['env', envValue === '' ? undefined : envValue],
      ['profile', layers.profile?.[def.id]],
      ['sandbox', layers.sandbox?.[def.id]],
      ['default', def.default],
    ];
    const hit = candidates.find(([, v]) => v !== undefined);
    if (hit) {
      values[def.id] = hit[1] as string;
      sources[def.id] = hit[0];
    }
  }
  return { values, sources };
}

export function conditionHolds(
  when: Condition | undefined,
  values: Readonly<Record<string, string | undefined>>,
): boolean {
  if (!when) return true;
  return Object.entries(when).every(([key, expected]) => {
    const actual = values[key] ?? '';
    return Array.isArray(expected) ? expected.includes(actual) : expected === actual;
  });
}

export interface ParamProblem {
  param: string;
  kind: 'missing' | 'invalid';
  message: Message;
}

const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)$/;

function checkHostPort(value: string): Message | undefined {
  const at = value.lastIndexOf(':');
  if (at <= 0) return msg('param.hostPort.noPort', { value });
  const host = value.slice(0, at);
  const port = Number(value.slice(at + 1));
  if (!HOST.test(host)) return msg('param.hostPort.badHost', { value, host });
  if (!Number.isInteger(port) || port < 1 || port > 65535) return msg('param.hostPort.badPort', { value });
  return undefined;
}

function addressProblem(value: string, problem: AddressProblem): Message {
  switch (problem.kind) {
    case 'empty':
    case 'no-port':
      return msg('param.hostPort.noPort', { value: 'entry' in problem ? problem.entry : value });
    case 'bad-host':
      return msg('param.hostPort.badHost', { value: problem.entry, host: problem.host });
    case 'bad-port':
      return msg('param.hostPort.badPort', { value: problem.entry });
    case 'path-after-port':
      return msg('param.address.path', { value: problem.entry, path: problem.path });
    case 'unsupported-scheme':
      return msg('param.address.scheme', { value: problem.entry, scheme: problem.scheme });
  }
}

/** Splits a host:port list on commas or semicolons, dropping blanks. */
export function splitHostPorts(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Checks one value against its definition (with the other values, where one depends on another). */
export function checkValue(
  def: ParamDef,
  value: string,
  values: Readonly<Record<string, string | undefined>> = {},
): Message | undefined {
  switch (def.type) {
    case 'hostPort':
      return checkHostPort(value.trim());
    case 'hostPortList': {
      const items = splitHostPorts(value);
      if (items.length === 0) return msg('param.hostPort.noPort', { value });
      for (const item of items) {
        const problem = checkHostPort(item);
        if (problem) return problem;
      }
      break;
    }
    case 'addressList': {
      const parsed = parseAddressList(value);
      if (!parsed.ok) return addressProblem(value, parsed.problem);
      break;
    }
    case 'enum':
      if (!def.choices?.includes(value))
        return msg('param.enum', { value, choices: (def.choices ?? []).join(', ') });
      break;
    case 'boolean':
      if (!['true', 'false'].includes(value.toLowerCase())) return msg('param.boolean', { value });
      break;
    case 'file':
      if (!existsSync(value)) return msg('param.file.missing', { value });
      if (!statSync(value).isFile()) return msg('param.file.notFile', { value });
      break;
    case 'tdmqNamespace': {
      const problem = checkNamespace(value);
      if (problem) return msg(`param.tdmq.${problem}`, { value, namespace: value });
      break;
    }
    case 'tdmqName': {
      const namespace = values.namespace ?? '';
      const problem = normalize(namespace, value).problem;
      if (problem) return msg(`param.tdmq.${problem}`, { value, namespace });
      break;
    }
    default:
      break;
  }
  for (const rule of def.rules) {
    if (!new RegExp(rule.pattern, 'u').test(value)) return { key: 'param.rule', text: rule.message };
  }
  return undefined;
}

/** What is wrong with one value as the user gives it (empty means "not set"); undefined when fine. */
export function valueProblem(
  def: ParamDef,
  value: string | undefined,
  values: Readonly<Record<string, string | undefined>> = {},
): Message | undefined {
  if (value === undefined || value === '')
    return def.required ? msg('param.missing', { param: def.id }) : undefined;
  return checkValue(def, value, values);
}

/** Whether a parameter matters for the current values (its own `when`). */
export function paramApplies(def: ParamDef, values: Readonly<Record<string, string | undefined>>): boolean {
  return conditionHolds(def.when, values);
}

/** Problems with the parameters the given steps need, before any network call. */
export function validateParams(
  tutorial: Tutorial,
  steps: readonly StepDef[],
  values: Record<string, string>,
): ParamProblem[] {
  const problems: ParamProblem[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    if (!conditionHolds(step.when, values)) continue;
    for (const id of step.params) {
      if (seen.has(id)) continue;
      seen.add(id);
      const def = tutorial.params[id];
      if (!def || !paramApplies(def, values)) continue;
      const value = values[id];
      if (value === undefined || value === '') {
        if (def.required)
          problems.push({ param: id, kind: 'missing', message: msg('param.missing', { param: id }) });
        continue;
      }
      const problem = checkValue(def, value, values);
      if (problem) problems.push({ param: id, kind: 'invalid', message: problem });
    }
  }
  return problems;
}
