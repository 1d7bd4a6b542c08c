import { describe, expect, it } from 'vitest';
import { openTutorial } from '../../session/tutorials.js';
import { cycle, edit, fieldProblem, maskSecret, visibleFields } from './form.js';

const tutorial = openTutorial('ckafka');
const step = (id: string) => tutorial.steps.find((s) => s.id === id)!;
const def = (id: string) => tutorial.params[id]!;

describe('the parameter form model', () => {
  it('shows caFile and checkHostname only for SASL_SSL', () => {
    const plainIds = visibleFields(tutorial, step('produce'), { securityProtocol: 'SASL_PLAINTEXT' }).map(
      (d) => d.id,
    );
    expect(plainIds).not.toContain('caFile');
    const sslIds = visibleFields(tutorial, step('produce'), { securityProtocol: 'SASL_SSL' }).map(
      (d) => d.id,
    );
    expect(sslIds).toContain('caFile');
    expect(sslIds).toContain('checkHostname');
  });

  it('checks values as the engine does: missing, host:port, the user name rule', () => {
    expect(fieldProblem(def('bootstrapServers'), '')?.key).toBe('param.missing');
    expect(fieldProblem(def('bootstrapServers'), 'localhost')?.key).toBe('param.hostPort.noPort');
    expect(fieldProblem(def('bootstrapServers'), 'localhost:19095')).toBeUndefined();
    expect(fieldProblem(def('username'), 'alice')?.key).toBe('param.rule');
    expect(fieldProblem(def('username'), 'ckafka-1#alice')).toBeUndefined();
  });

  it('edits text at the cursor, including wide characters', () => {
    let state = { value: '', cursor: 0 };
    state = edit(state, { type: 'insert', text: 'tutorial-组' });
    expect(state).toEqual({ value: 'tutorial-组', cursor: 10 });
    state = edit(state, { type: 'backspace' });
    state = edit(state, { type: 'home' });
    state = edit(state, { type: 'insert', text: 'my-' });
    expect(state.value).toBe('my-tutorial-');
    expect(edit(state, { type: 'clear' })).toEqual({ value: '', cursor: 0 });
    expect(edit({ value: 'a', cursor: 1 }, { type: 'insert', text: '\u0015b\r' }).value).toBe('ab');
  });

  it('cycles enum and boolean choices', () => {
    expect(cycle(def('securityProtocol'), 'SASL_PLAINTEXT', 1)).toBe('SASL_SSL');
    expect(cycle(def('securityProtocol'), 'SASL_SSL', 1)).toBe('SASL_PLAINTEXT');
    expect(cycle(def('checkHostname'), 'false', 1)).toBe('true');
  });

  it('masks secrets: a stored one with a fixed mask that does not tell its length', () => {
    expect(maskSecret('abc', true)).toBe('•••');
    expect(maskSecret('a-much-longer-secret', false)).toBe('••••••••');
    expect(maskSecret('', false)).toBe('');
  });
});
