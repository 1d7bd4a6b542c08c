import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/registry.js';
import { parseCli } from '../../src/cli/args.js';
import { DIAGNOSES } from '../../src/diagnosis/catalog.js';
import type { DoctorReport, Probe } from '../../src/doctor/types.js';
import { VERDICT_CODES } from '../../src/doctor/verdict/codes.js';
import { kafkaVerdict } from '../../src/doctor/verdict/kafka.js';
import { loadTutorial } from '../../src/engine/load.js';
import { catalog } from '../../src/i18n/catalog.js';
import { buildDoctorReport } from '../../src/report/doctor.js';
import { tutorialIds } from '../../src/session/tutorials.js';
import { doctorJson } from '../../src/ui/doctor/json.js';
import { doctorText } from '../../src/ui/doctor/text.js';
import { ROOT } from '../helpers/env.js';
import { kafkaHealthy, replaced } from './doctor-fixtures.js';

const keys = new Set(Object.keys(catalog));

function report(probes = kafkaHealthy()): DoctorReport {
  return {
    broker: 'kafka',
    startedAt: '2025-01-02T03:04:05.000Z',
    durationMs: 321,
    probes,
    verdict: kafkaVerdict(probes),
  };
}

const refused = replaced(
  kafkaHealthy(),
  'login',
  (p): Probe => ({
    ...p,
    kind: 'login',
    status: 'problem',
    facts: {
      server: 'ckafka-x.example:9095',
      user: 'ckafka-x#alice',
      code: 'SASL_AUTHENTICATION_FAILED',
      detail: 'Authentication failed',
    },
  }),
).filter((p) => !['metadata', 'advertised', 'topic', 'group'].includes(p.kind));

describe('doctor words', () => {
  it('every verdict code has its sentence and its fix, in the catalogue', () => {
    const missing = VERDICT_CODES.flatMap((c) => [`doctor.verdict.${c}`, `doctor.fix.${c}`]).filter(
      (k) => !keys.has(k),
    );
    expect(missing).toEqual([]);
  });

  it('the terminal shows the verdict first, then evidence and fix; healthy shows each hop with its latency', () => {
    const bad = doctorText('en', report(refused), { tutorial: 'ckafka', profile: 'p' });
    expect(bad[2]).toMatch(/^Most likely: the password is wrong for "ckafka-x#alice"/);
    expect(bad.join('\n')).toMatch(
      /Evidence:\n {2}- the user name "ckafka-x#alice" has the instanceId#user form[\s\S]*Fix: /,
    );
    const good = doctorText('zh', report(), { tutorial: 'ckafka', profile: 'p' });
    expect(good[2]).toBe('没有发现问题：每一跳都按预期应答，且未改动服务端的任何内容。');
    expect(good.join('\n')).toContain('TCP ckafka-x.example:9095：20 ms');
  });

  it('--json: one object with the verdict in words beside its code, and every probe', () => {
    const json = doctorJson('en', report(refused), { tutorial: 'ckafka', profile: 'p' });
    expect(json).toMatchObject({ type: 'doctor', healthy: false, verdict: { code: 'LOGIN_REFUSED' } });
    const verdict = json.verdict as { sentence: string; fix: string; evidence: { text: string }[] };
    expect(verdict.sentence).toMatch(/password is wrong/);
    expect(verdict.evidence.length).toBeGreaterThan(0);
    expect((json.probes as unknown[]).length).toBe(refused.length);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('the Markdown report holds verdict, probes and parameters, with every secret masked', () => {
    const tutorial = loadTutorial(path.join(ROOT, 'steps', 'ckafka'), actionCatalogue);
    const secret = 'hunter2-very-secret';
    const probes = replaced(
      refused,
      'login',
      (p) => ({ ...p, facts: { ...(p.facts as object), detail: `echoed ${secret}` } }) as never,
    );
    const markdown = buildDoctorReport({
      lang: 'en',
      tutorial,
      profile: 'p',
      report: report(probes),
      resolved: {
        values: { password: secret, username: 'ckafka-x#alice' },
        sources: { password: 'set', username: 'set' },
      },
      savedSecrets: {},
      mask: [secret],
      version: '9.9.9',
      lastRun: 'previous report',
    });
    expect(markdown).not.toContain(secret);
    expect(markdown).toMatch(/^# mq-tutor doctor report/);
    expect(markdown).toMatch(/\*\*Most likely: the password is wrong/);
    expect(markdown).toMatch(/\| password \| •{8} \(set, masked\) \|/);
    expect(markdown).toMatch(/\| \d+ \| login \| ✖ login as "ckafka-x#alice"/);
    expect(markdown.trimEnd().endsWith('previous report')).toBe(true);
  });
});

describe('the tutorial’s diagnoses point to the doctor', () => {
  it('every `mq-tutor doctor <tutorial>` a fix names is a command the CLI takes, for a tutorial that exists', () => {
    const named = new Set<string>();
    for (const d of Object.values(DIAGNOSES))
      for (const fix of d.fixes)
        for (const text of [fix.en, fix.zh])
          for (const m of text.matchAll(/mq-tutor doctor (\w+)/g)) named.add(m[1] as string);
    expect([...named].sort()).toEqual(['ckafka', 'rocketmq']);
    for (const tutorial of named) {
      expect(parseCli(['doctor', tutorial, '--report', 'r.md'])).toMatchObject({
        command: 'doctor',
        args: [tutorial],
        options: { report: 'r.md' },
      });
      expect(tutorialIds()).toContain(tutorial);
    }
  });
});
