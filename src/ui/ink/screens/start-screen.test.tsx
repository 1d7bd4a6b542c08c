import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { initialWizardState, type WizardState } from '../../interactive/wizard.js';
import { KEY, plain, press, tick } from '../testing/keys.js';
import { StartScreen } from './start-screen.js';

const state = (patch: Partial<WizardState> = {}): WizardState => ({ ...initialWizardState, ...patch });

const tutorials = () => [
  { id: 'ckafka', title: 'CKafka over the public network', summary: 'Kafka summary' },
  { id: 'rocketmq', title: 'TDMQ for RocketMQ', summary: 'RocketMQ summary' },
];
const profiles = () => [
  { name: 'default', sandbox: false, exists: true, passed: 3, total: 6 },
  { name: 'sandbox', sandbox: true, exists: false, passed: 0, total: 6 },
];

function screen(props: Partial<Parameters<typeof StartScreen>[0]> = {}) {
  const onChoose = vi.fn();
  const onQuit = vi.fn();
  const ui = render(
    <StartScreen
      lang="en"
      state={state()}
      width={79}
      rows={23}
      screenReader={false}
      tutorials={tutorials}
      profiles={profiles}
      onChoose={onChoose}
      onQuit={onQuit}
      {...props}
    />,
  );
  return { ...ui, onChoose, onQuit, frame: () => plain(ui.lastFrame()) };
}

describe('StartScreen', () => {
  it('picks the tutorial, then the profile (with its progress), with the arrow keys', async () => {
    const s = screen();
    expect(s.frame()).toContain('Which tutorial?');
    expect(s.frame()).toMatch(/› ckafka\s+CKafka over the public network/);
    await press(s.stdin, KEY.down);
    expect(s.frame()).toMatch(/› rocketmq/);
    expect(s.frame()).toContain('RocketMQ summary');
    await press(s.stdin, KEY.enter);
    expect(s.frame()).toContain('Which profile?');
    expect(s.frame()).toMatch(/› default\s+3\/6 steps passed/);
    expect(s.frame()).toMatch(/sandbox\s+the local practice brokers/);
    await press(s.stdin, KEY.down, KEY.enter);
    expect(s.onChoose).toHaveBeenCalledWith({ tutorialId: 'rocketmq', profile: 'sandbox', sandbox: true });
  });

  it('a new profile: the name is checked before it is used', async () => {
    const s = screen({ tutorialId: 'ckafka' });
    await press(s.stdin, KEY.up, KEY.enter);
    expect(s.frame()).toContain('Name of the new profile:');
    await press(s.stdin, '-bad', KEY.enter);
    expect(s.frame()).toContain('A profile name has 1 to 64 letters');
    expect(s.onChoose).not.toHaveBeenCalled();
    await press(s.stdin, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, 'workshop-1', KEY.enter);
    expect(s.onChoose).toHaveBeenCalledWith({ tutorialId: 'ckafka', profile: 'workshop-1', sandbox: false });
  });

  it('with the tutorial and the profile given (--sandbox) it opens at once, showing the sandbox starting', async () => {
    const s = screen({ tutorialId: 'ckafka', profile: { name: 'sandbox', sandbox: true } });
    await tick();
    expect(s.onChoose).toHaveBeenCalledWith({ tutorialId: 'ckafka', profile: 'sandbox', sandbox: true });
    s.rerender(
      <StartScreen
        lang="en"
        state={state({ phase: 'opening', startingSandbox: true })}
        width={79}
        rows={23}
        screenReader={false}
        tutorials={tutorials}
        profiles={profiles}
        tutorialId="ckafka"
        profile={{ name: 'sandbox', sandbox: true }}
        onChoose={s.onChoose}
        onQuit={s.onQuit}
      />,
    );
    expect(s.frame()).toContain('Starting the local sandbox brokers');
  });

  it('q quits from the lists', async () => {
    const s = screen();
    await press(s.stdin, 'q');
    expect(s.onQuit).toHaveBeenCalled();
  });

  it('reads in Chinese', () => {
    const s = screen({ lang: 'zh' });
    expect(s.frame()).toContain('选择教程');
    expect(s.frame()).toContain('Enter 开始');
  });
});
