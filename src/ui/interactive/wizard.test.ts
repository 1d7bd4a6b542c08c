import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  eventually,
  fail,
  pass,
  type StepScript,
  sandboxLikeValues,
  scriptedOpen,
  untilStopped,
} from '../../../test/helpers/scripted-walk.js';
import { msg } from '../../i18n/index.js';
import { WizardStore } from './wizard.js';

const flags = { set: {}, saveSecrets: false };

async function opened(scripts = {}, set: Record<string, string> = sandboxLikeValues()) {
  const scripted = scriptedOpen(scripts, { set });
  const signal = new AbortController();
  const store = new WizardStore({ lang: 'en', flags, signal: signal.signal, open: scripted.open });
  await store.choose({ tutorialId: 'ckafka', profile: 'test', sandbox: false });
  return { store, scripted, external: signal };
}

describe('the wizard store', () => {
  it('opens, then walks every step to a summary; exit 0 when none failed', async () => {
    const { store, scripted } = await opened();
    expect(store.state.phase).toBe('overview');
    await store.begin(0);
    for (let i = 0; i < 6; i += 1) {
      expect(store.state.phase).toBe('step');
      expect(store.run()).toBe(true);
      await store.pending;
      await store.next();
    }
    expect(store.state.phase).toBe('summary');
    expect(store.state.summary?.passed).toBe(6);
    expect(store.state.transcript.map((a) => a.stepId)).toEqual(
      scripted.session?.tutorial.steps.map((s) => s.id),
    );
    store.close();
    expect(store.state.exitCode).toBe(0);
  });

  it('skips a step that does not apply (check-cert without SASL_SSL) as "not needed"', async () => {
    const { store, scripted } = await opened(
      {},
      { ...sandboxLikeValues(), securityProtocol: 'SASL_PLAINTEXT' },
    );
    await store.begin(0);
    store.run();
    await store.pending;
    await store.next();
    expect(scripted.session?.tutorial.steps[store.state.index]?.id).toBe('check-network');
    expect(scripted.session?.results.get('check-cert')?.skipReason).toBe('condition');
  });

  it('refuses to run while the form has problems', async () => {
    const { store } = await opened({}, {});
    await store.begin(2); // check-network needs bootstrapServers
    expect(store.problems().has('bootstrapServers')).toBe(true);
    expect(store.run()).toBe(false);
    store.setDraft('bootstrapServers', 'localhost:19095');
    expect(store.problems().size).toBe(0);
    expect(store.run()).toBe(true);
  });

  it('streams progress into the running attempt and records a failure with its diagnosis', async () => {
    const probing = msg('network.progress.ok', { server: 'x:1', address: '127.0.0.1', dnsMs: 1, tcpMs: 2 });
    let seenWhileRunning: string[] = [];
    const { store } = await opened({
      'check-network': async ({ progress }: Parameters<StepScript>[0]) => {
        progress(probing);
        await new Promise((r) => setTimeout(r, 20));
        seenWhileRunning = (store.state.running?.progress ?? []).map((m) => m.key);
        return fail('CONNECTION_REFUSED', { host: 'x', port: '1' })({
          progress,
          signal: new AbortController().signal,
        });
      },
    });
    await store.begin(2);
    store.run();
    await store.pending;
    expect(seenWhileRunning).toEqual(['network.progress.ok']);
    expect(store.state.attempts['check-network']?.progress.map((m) => m.key)).toEqual([
      'network.progress.ok',
    ]);
    expect(store.state.attempts['check-network']?.result?.status).toBe('failed');
    expect(store.state.attempts['check-network']?.result?.diagnosis?.code).toBe('CONNECTION_REFUSED');
  });

  it('asks once whether typed secrets may be saved; "no" keeps them out of the profile', async () => {
    const { store, scripted } = await opened({}, { ...sandboxLikeValues(), password: '' });
    await store.begin(3);
    store.setDraft('password', 'typed-secret');
    store.run();
    expect(store.state.askSaveSecrets).toBe(true);
    expect(store.state.running).toBeUndefined();
    store.answerSaveSecrets(false);
    await store.pending;
    expect(store.state.attempts.produce?.result?.status).toBe('passed');
    expect(scripted.store.readSecrets('test', 'ckafka')).toEqual({});
    // Not asked again in this walk.
    await store.next();
    store.setDraft('password', 'another');
    store.run();
    expect(store.state.askSaveSecrets).toBe(false);
    await store.pending;
  });

  it('"yes" to the secrets question stores them in the secrets file', async () => {
    const { store, scripted } = await opened({}, { ...sandboxLikeValues(), password: '' });
    await store.begin(3);
    store.setDraft('password', 'typed-secret');
    store.run();
    store.answerSaveSecrets(true);
    await store.pending;
    expect(scripted.store.readSecrets('test', 'ckafka')).toEqual({ password: 'typed-secret' });
  });

  it('quit during a run aborts the action, saves what was typed, finishes as interrupted, exits 130', async () => {
    const { store, scripted } = await opened({ consume: untilStopped() });
    await store.begin(4);
    store.setDraft('groupId', 'tutorial-typed');
    store.run();
    await eventually(() => store.state.running?.progress.length === 1);
    store.setDraft('topic', 'typed-but-not-run');
    await store.quit();
    expect(store.state.exitCode).toBe(130);
    expect(scripted.finishedInterrupted).toBe(true);
    expect(scripted.session?.results.get('consume')?.skipReason).toBe('interrupted');
    const file = JSON.parse(readFileSync(path.join(scripted.configDir, 'profiles', 'test.json'), 'utf8'));
    expect(file.tutorials.ckafka.params.groupId).toBe('tutorial-typed');
    expect(file.tutorials.ckafka.params.topic).toBe('typed-but-not-run');
  });

  it('the signal from SIGINT/SIGTERM stops the walk like q', async () => {
    const { store, external, scripted } = await opened({ consume: untilStopped() });
    await store.begin(4);
    store.run();
    await eventually(() => scripted.runs.includes('consume'));
    external.abort();
    await eventually(() => store.state.phase === 'exit');
    expect(store.state.exitCode).toBe(130);
  });

  it('back and skip move between steps; skipping a failed step replaces its failure', async () => {
    const { store, scripted } = await opened({ produce: fail() });
    await store.begin(3);
    store.run();
    await store.pending;
    await store.back();
    expect(store.state.index).toBe(2);
    await store.next();
    expect(store.state.index).toBe(3);
    await store.skip();
    expect(scripted.session?.results.get('produce')?.status).toBe('skipped');
    expect(store.state.index).toBe(4);
    await store.skip();
    await store.skip();
    expect(store.state.phase).toBe('summary');
    store.close();
    expect(store.state.exitCode).toBe(0);
  });

  it('a step that failed in this walk makes the exit code 1', async () => {
    const { store } = await opened({ verify: fail() });
    await store.begin(5);
    store.run();
    await store.pending;
    await store.next();
    expect(store.state.phase).toBe('summary');
    store.close();
    expect(store.state.exitCode).toBe(1);
  });

  it('a usage problem (unknown --set key) ends with exit 2 and its message', async () => {
    const scripted = scriptedOpen();
    const store = new WizardStore({
      lang: 'en',
      flags: { set: { nope: '1' }, saveSecrets: false },
      signal: new AbortController().signal,
      open: scripted.open,
    });
    await store.choose({ tutorialId: 'ckafka', profile: 'test', sandbox: false });
    expect(store.state.exitCode).toBe(2);
    expect(store.state.error).toMatch(/no parameter "nope"/);
    expect(scripted.session).toBeUndefined();
    expect(scripted.runs).toEqual([]);
  });

  it('passes each step result through to the transcript in order', async () => {
    const { store } = await opened({ 'prepare-env': pass() });
    await store.begin(0);
    store.run();
    await store.pending;
    expect(store.state.transcript).toHaveLength(1);
    expect(store.state.transcript[0]?.result?.status).toBe('passed');
  });
});
