import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../i18n/index.js';
import { openTutorial } from '../../../session/tutorials.js';
import { visibleFields } from '../../interactive/form.js';
import { widthOf } from '../text/width.js';
import { DETAIL_ROWS, type FormView, formHeight, formLines, ParamForm } from './param-form.js';

const tutorial = openTutorial('ckafka');
const produce = tutorial.steps.find((s) => s.id === 'produce')!;
const values = {
  bootstrapServers: 'localhost:19095',
  securityProtocol: 'SASL_PLAINTEXT',
  saslMechanism: 'PLAIN',
  username: 'alice',
  password: 'the-secret-password',
  topic: 'tutorial-topic',
};
const fields = visibleFields(tutorial, produce, values);

const view = (patch: Partial<FormView> = {}): FormView => ({
  lang: 'en',
  width: 80,
  fields,
  values,
  problems: new Map([['username', msg('param.rule')]]),
  cursor: 0,
  typedSecrets: new Set(),
  sources: {},
  ...patch,
});

describe('ParamForm', () => {
  it('one row per field with ✔/✖, a stored secret masked, and the Run button', () => {
    const { lastFrame } = render(<ParamForm {...view()} />);
    const frame = lastFrame() ?? '';
    expect(frame).toMatch(/Bootstrap servers\s+localhost:19095\s+✔/);
    expect(frame).toMatch(/User name \(instanceId#username\)\s+alice\s+✖/);
    expect(frame).toMatch(/Password\s+••••••••\s+✔/);
    expect(frame).not.toContain('the-secret-password');
    expect(frame).toContain('▶ Run this step');
    expect(frame.split('\n')).toHaveLength(formHeight(fields.length, undefined));
  });

  it('the focused field shows its check beside it, then its help', () => {
    const user = fields.findIndex((f) => f.id === 'username');
    const rows = formLines(
      view({
        focus: user,
        cursor: 5,
        problems: new Map([
          ['username', { key: 'param.rule', text: { en: 'The user name is instanceId#username.', zh: '…' } }],
        ]),
      }),
    ).map((l) => l.map((s) => s.text).join(''));
    expect(rows[user]).toMatch(/^› User name/);
    expect(rows[user + 1]).toContain('✖ The user name is instanceId#username.');
    expect(rows[user + 2]).toContain('The form is instance ID');
    expect(rows).toHaveLength(formHeight(fields.length, user));
    expect(formHeight(fields.length, user)).toBe(fields.length + 1 + DETAIL_ROWS);
  });

  it('a typed secret shows one dot per character', () => {
    const rows = formLines(view({ typedSecrets: new Set(['password']) })).map((l) =>
      l.map((s) => s.text).join(''),
    );
    expect(rows.find((r) => r.includes('Password'))).toContain('•'.repeat('the-secret-password'.length));
  });

  it('stays within 60 columns and aligns Chinese labels', () => {
    const rows = formLines(view({ lang: 'zh', width: 60 })).map((l) => l.map((s) => s.text).join(''));
    for (const row of rows) expect(widthOf(row)).toBeLessThanOrEqual(60);
    // Every value starts in the same column (labels padded by cells, not characters).
    const column = (row: string, value: string) => widthOf(row.slice(0, row.indexOf(value)));
    expect(column(rows[0] ?? '', 'localhost')).toBe(column(rows[2] ?? '', 'PLAIN'));
  });
});
