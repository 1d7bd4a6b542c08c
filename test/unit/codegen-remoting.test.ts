import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionCatalogue } from '../../src/actions/registry.js';
import { generateFiles, writeFiles } from '../../src/codegen/generate.js';
import { codeRoute } from '../../src/codegen/route.js';
import type { StepResult } from '../../src/engine/types.js';
import type { Lang } from '../../src/i18n/index.js';
import { ProfileStore } from '../../src/profile/store.js';
import { writeCodeAfterVerify } from '../../src/session/code-after.js';
import { valuesForCode } from '../../src/session/report.js';
import { openTutorial } from '../../src/session/tutorials.js';
import { packageVersion } from '../../src/util/version.js';
import { ROOT } from '../helpers/env.js';

const rocketmq = openTutorial('rocketmq');
const NS = 'rocketmq-abc|namespace_python';
const SECRETS = { accessKey: 'ak-S3cret-value', secretKey: 'role-S3cret-name' };
const remotingValues = {
  ...SECRETS,
  protocol: 'remoting',
  endpoints: 'http://rocketmq-abc.rocketmq.ap-bj.public.tencenttdmq.com:9876',
  namespace: NS,
  topic: 'topic1',
  group: 'group11',
  producerGroup: 'group1',
  tag: 'TagA',
  keys: 'order-1',
};

const file = (files: { name: string; content: string }[], name: string) =>
  files.find((f) => f.name === name)?.content ?? '';

function ts(values: Record<string, string>, lang: Lang = 'en') {
  return generateFiles({ tutorial: rocketmq, language: 'ts', values, profile: 'p', lang });
}

describe('the route generated TypeScript takes', () => {
  const network = (route: string, endpoints: string) => ({ route, endpoints });

  it('is the protocol asked for', () => {
    expect(codeRoute({ protocol: 'remoting', endpoints: '127.0.0.1:8081' })).toBe('remoting');
    expect(codeRoute({ protocol: 'grpc', endpoints: 'http://ns:9876' })).toBe('grpc');
  });

  it('with auto, what the network step found for these very addresses', () => {
    const plain = { protocol: 'auto', endpoints: 'a.example.com:8080; b.example.com:8080' };
    expect(codeRoute(plain, network('remoting', 'a.example.com:8080;b.example.com:8080'))).toBe('remoting');
    // A check of other addresses says nothing about these.
    expect(codeRoute(plain, network('remoting', 'a.example.com:8080'))).toBe('grpc');
    // What the network answered wins over what the address looks like (http://, port 9876).
    const pasted = { protocol: 'auto', endpoints: 'http://a.example.com:9876' };
    expect(codeRoute(pasted, network('grpc', 'a.example.com:9876'))).toBe('grpc');
  });

  it('with auto and no network check, what the address looks like', () => {
    expect(codeRoute({ endpoints: 'rmq.example.com:9876' })).toBe('remoting');
    expect(codeRoute({ endpoints: 'http://rmq.example.com:80' })).toBe('remoting');
    expect(codeRoute({ endpoints: 'rmq.example.com:8080' })).toBe('grpc');
    expect(codeRoute({ endpoints: '127.0.0.1:8081' }, { route: null, endpoints: '127.0.0.1:8081' })).toBe(
      'grpc',
    );
  });

  it("for mq-tutor code, is the one the profile's last network check found", () => {
    const env = { MQ_TUTOR_CONFIG_DIR: mkdtempSync(path.join(os.tmpdir(), 'mqt-code-route-')) };
    const store = new ProfileStore(env);
    const endpoints = 'rmq.example.com:8080';
    store.update('p', rocketmq, (state) => ({
      params: { ...state.params, endpoints, topic: 't', group: 'g' },
      progress: {
        'check-network': {
          status: 'passed',
          at: new Date().toISOString(),
          durationMs: 1,
          details: { route: 'remoting', endpoints },
        },
      },
    }));
    const found = valuesForCode({
      tutorial: 'rocketmq',
      profile: 'p',
      sandbox: false,
      set: [],
      lang: 'en',
      env,
    });
    expect(codeRoute(found.values, found.network)).toBe('remoting');
    // The same address with nothing checked yet looks like a gRPC endpoint.
    expect(codeRoute(found.values)).toBe('grpc');
  });

  it('after a verified run, is the one its network step found', () => {
    const values = {
      ...SECRETS,
      protocol: 'auto',
      endpoints: 'rmq.example.com:8080',
      topic: 't',
      group: 'g',
    };
    const results = (route: string): StepResult[] =>
      rocketmq.steps.map((s) => ({
        step: s.id,
        status: 'passed',
        durationMs: 1,
        details: s.action === 'network.rocketmq' ? { route, endpoints: 'rmq.example.com:8080' } : {},
      }));
    for (const [route, client] of [
      ['remoting', 'mq-tutor/remoting'],
      ['grpc', 'rocketmq-client-nodejs'],
    ] as const) {
      const outDir = mkdtempSync(path.join(os.tmpdir(), 'mqt-after-rmq-'));
      const common = {
        tutorial: rocketmq,
        values,
        profile: 'p',
        lang: 'en' as const,
        actions: actionCatalogue,
      };
      expect(writeCodeAfterVerify({ ...common, outDir, results: results(route) })).toHaveLength(2);
      expect(readFileSync(path.join(outDir, 'ts', 'producer.ts'), 'utf8')).toContain(`from '${client}'`);
    }
  });
});

describe('the generated TypeScript RocketMQ programs on the remoting route', () => {
  const files = ts(remotingValues);
  const producer = file(files, 'producer.ts');
  const consumer = file(files, 'consumer.ts');

  it("import mq-tutor's remoting client, with the name server, full names and the producer group", () => {
    expect(producer).toContain("import { sendSync } from 'mq-tutor/remoting';");
    expect(consumer).toContain("import { consume } from 'mq-tutor/remoting';");
    for (const source of [producer, consumer]) {
      expect(source).not.toContain('rocketmq-client-nodejs');
      expect(source).toContain(
        "setting('MQ_TUTOR_NAME_SERVER', 'rocketmq-abc.rocketmq.ap-bj.public.tencenttdmq.com:9876')",
      );
      expect(source).toContain("secret('MQ_TUTOR_ACCESS_KEY')");
      expect(source).toContain(`// ${NS}%topic1`);
      for (const secret of Object.values(SECRETS)) expect(source).not.toContain(secret);
    }
    expect(producer).toContain(
      "setting('MQ_TUTOR_PRODUCER_GROUP', 'group1')); // rocketmq-abc|namespace_python%group1",
    );
    expect(consumer).toContain(
      "setting('MQ_TUTOR_GROUP', 'group11')); // rocketmq-abc|namespace_python%group11",
    );
  });

  it('depend on this mq-tutor, and tell in both languages how to run each program', () => {
    const pkg = JSON.parse(file(files, 'package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toEqual({ 'mq-tutor': packageVersion() });
    const en = file(files, 'README.md');
    const zh = file(ts(remotingValues, 'zh'), 'README.md');
    for (const readme of [en, zh]) {
      expect(readme).toContain('npx tsx consumer.ts');
      expect(readme).toContain('npx tsx producer.ts "Hello"');
      expect(readme).toContain('mq-tutor/remoting');
      expect(readme).toContain('MQ_TUTOR_PRODUCER_GROUP');
      expect(readme).not.toContain('MQ_TUTOR_ENDPOINTS');
    }
    expect(en).toContain('Wait until the consumer prints "Assigned ... queue(s)"');
    expect(zh).toContain('请等消费者打印出“Assigned ... queue(s)”再发送');
  });

  it('stay on rocketmq-client-nodejs on the gRPC route', () => {
    const grpc = ts({ ...remotingValues, protocol: 'auto', endpoints: 'rmq.example.com:8080' });
    expect(file(grpc, 'producer.ts')).toContain("from 'rocketmq-client-nodejs'");
    expect(file(grpc, 'README.md')).toContain('MQ_TUTOR_ENDPOINTS');
    expect(JSON.parse(file(grpc, 'package.json')).dependencies).toEqual({
      'rocketmq-client-nodejs': '1.0.8',
    });
  });

  it('type-check against the declarations the package exports as mq-tutor/remoting', () => {
    const declarations = path.join(ROOT, 'dist', 'remoting.d.ts');
    expect(existsSync(declarations), `${declarations} is built by node scripts/build.mjs`).toBe(true);
    const base = path.join(ROOT, '.cache', 'unit-codegen');
    mkdirSync(base, { recursive: true });
    const dir = mkdtempSync(path.join(base, 'rocketmq-remoting-'));
    writeFiles(dir, files, true);
    // What `npm install` of this checkout gives the programs: mq-tutor in their node_modules.
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync(ROOT, path.join(dir, 'node_modules', 'mq-tutor'), 'dir');
    const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const check = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toBe('');
    expect(check.status).toBe(0);
    // The same programs with a mistake in a call are refused: the declarations are really read.
    writeFiles(
      dir,
      [
        {
          name: 'wrong.ts',
          content: "import { sendSync } from 'mq-tutor/remoting';\nawait sendSync({ topic: 1 });\n",
        },
      ],
      true,
    );
    const wrong = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
    expect(wrong.stdout).toContain('wrong.ts');
    expect(wrong.status).not.toBe(0);
  }, 60_000);
});
