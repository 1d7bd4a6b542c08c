import { type Lang, type MessageKey, type MessageValues, t } from '../i18n/index.js';
import type { Evidence, Probe, Verdict, VerdictValues } from './types.js';

/** Each probe, verdict and evidence line in words: shared by the terminal, --json and the report. */

const word = (lang: Lang, w: string | undefined): string =>
  w ? t(lang, `doctor.word.${w}` as MessageKey) : '';

const say = (lang: Lang, key: string, values: MessageValues = {}): string =>
  t(lang, key as MessageKey, values);

/** Slot values that name an outcome, an operation or a protocol are put in the reader's words. */
function worded(lang: Lang, values: VerdictValues): MessageValues {
  const out: MessageValues = { ...values };
  for (const slot of ['op', 'action', 'resource', 'spoken', 'expected', 'outcome', 'order', 'problem'])
    if (typeof out[slot] === 'string' && out[slot]) out[slot] = word(lang, String(out[slot]));
  for (const slot of ['ops', 'actions'])
    if (typeof out[slot] === 'string')
      out[slot] = String(out[slot])
        .split(', ')
        .map((w) => word(lang, w))
        .join(lang === 'zh' ? '、' : ', ');
  return out;
}

export function verdictSentence(lang: Lang, verdict: Pick<Verdict, 'code' | 'values'>): string {
  return say(lang, `doctor.verdict.${verdict.code}`, worded(lang, verdict.values));
}

export function fixText(lang: Lang, verdict: Pick<Verdict, 'code' | 'values'>): string {
  return say(lang, `doctor.fix.${verdict.code}`, worded(lang, verdict.values));
}

export function evidenceText(lang: Lang, e: Evidence): string {
  return say(lang, e.key, worded(lang, e.values));
}

export function probeText(lang: Lang, p: Probe): string {
  switch (p.kind) {
    case 'params':
      return say(lang, `doctor.probe.params.${p.status === 'ok' ? 'ok' : 'problem'}`, {
        missing: p.facts.missing.join(', '),
      });
    case 'deadline':
      return say(lang, 'doctor.probe.deadline.problem', { limitMs: p.facts.limitMs });
    case 'dns': {
      const priv = p.facts.private.length
        ? say(lang, 'doctor.probe.privateMark', { addresses: p.facts.private.join(', ') })
        : '';
      return say(lang, `doctor.probe.dns.${p.status === 'ok' ? 'ok' : 'problem'}`, {
        host: p.facts.host,
        addresses: p.facts.addresses.join(', '),
        private: priv,
        code: p.facts.code,
      });
    }
    case 'tcp':
      return say(lang, `doctor.probe.tcp.${p.status === 'ok' ? 'ok' : 'problem'}`, p.facts);
    case 'speaks':
      return say(lang, `doctor.probe.speaks.${p.status === 'ok' ? 'ok' : 'problem'}`, worded(lang, p.facts));
    case 'tls': {
      if (p.facts.caProblem)
        return say(lang, 'doctor.probe.tls.caProblem', {
          caFile: p.facts.caFile,
          caProblem: word(lang, p.facts.caProblem),
        });
      const verified = p.facts.verified
        ? say(lang, 'doctor.probe.tlsVerified', { caFile: p.facts.caFile })
        : '';
      return say(lang, `doctor.probe.tls.${p.status === 'ok' ? 'ok' : 'problem'}`, {
        server: p.facts.server,
        subject: p.facts.subject,
        issuer: p.facts.issuer,
        validTo: p.facts.validTo.slice(0, 10),
        caFile: p.facts.caFile,
        code: p.facts.code,
        verified,
      });
    }
    case 'mechanisms':
      return say(lang, `doctor.probe.mechanisms.${p.status === 'ok' ? 'ok' : 'problem'}`, {
        server: p.facts.server,
        mechanisms: p.facts.mechanisms.join(', ') || '—',
        wanted: p.facts.wanted,
      });
    case 'login':
      return say(lang, `doctor.probe.login.${p.status}`, {
        server: p.facts.server,
        user: p.facts.user,
        detail: p.facts.detail ?? p.facts.code,
      });
    case 'username':
      return say(lang, `doctor.probe.username.${p.status === 'ok' ? 'ok' : 'problem'}`, p.facts);
    case 'metadata':
      return say(lang, `doctor.probe.metadata.${p.status === 'ok' ? 'ok' : 'problem'}`, {
        server: p.facts.server,
        brokers: p.facts.brokers.map((b) => `${b.nodeId}=${b.address}`).join(', '),
      });
    case 'advertised':
      return say(lang, `doctor.probe.advertised.${p.status === 'ok' ? 'ok' : 'problem'}`, p.facts);
    case 'topic':
    case 'group': {
      const key =
        p.facts.outcome === 'allowed'
          ? `doctor.probe.${p.kind}.allowed.${p.facts.op}`
          : `doctor.probe.${p.kind}`;
      return say(lang, key, worded(lang, { ...p.facts, code: p.facts.code ?? '' }));
    }
    case 'route':
      return say(lang, `doctor.probe.route.${p.status === 'ok' ? 'ok' : 'problem'}`, {
        topic: p.facts.topic,
        nameServer: p.facts.nameServer,
        brokers: p.facts.brokers.map((b) => `${b.name} ${b.addresses.join(' ')}`).join(', '),
        code: p.facts.code,
      });
    case 'broker':
      return say(lang, `doctor.probe.broker.${p.status === 'ok' ? 'ok' : 'problem'}`, p.facts);
    case 'keys':
      return say(lang, 'doctor.probe.keys', {
        order: word(lang, p.facts.order),
        target: p.target,
        via: p.facts.via,
        outcome: word(lang, p.status === 'skipped' ? 'unknown' : p.facts.accepted ? 'accepted' : 'refused'),
        code: p.facts.code ? ` (${p.facts.code})` : '',
      });
    case 'permission':
      return say(lang, 'doctor.probe.permission', {
        ...worded(lang, {
          resource: p.facts.resource,
          name: p.facts.name,
          action: p.facts.action,
          outcome: p.facts.outcome,
        }),
        via: p.facts.via,
        // An allowed probe's answer is the refusal that came after the permission check: no news.
        code: p.facts.code && p.facts.outcome !== 'allowed' ? ` (${p.facts.code})` : '',
      });
  }
}

export const PROBE_ICON: Record<Probe['status'], string> = { ok: '✔', problem: '✖', skipped: '–' };
