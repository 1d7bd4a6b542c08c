import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BIN, ROOT } from './env.js';

export interface TerminalOptions {
  args: string[];
  env: NodeJS.ProcessEnv;
  columns?: number;
  rows?: number;
}

let count = 0;

/**
 * The real binary in a real terminal: a private tmux server (its own socket, no user config) runs
 * `node bin/mq-tutor.js ...` in a pane of a fixed size. Tests type with send-keys and read the
 * screen with capture-pane; the pane stays after the program ends so its exit status can be read.
 */
export class TmuxTerminal {
  readonly socket: string;
  readonly #dir: string;
  readonly #env: NodeJS.ProcessEnv;

  private constructor(socket: string, dir: string, env: NodeJS.ProcessEnv) {
    this.socket = socket;
    this.#dir = dir;
    this.#env = env;
  }

  static start(options: TerminalOptions): TmuxTerminal {
    count += 1;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-tty-'));
    const conf = path.join(dir, 'tmux.conf');
    writeFileSync(conf, 'set -g remain-on-exit on\nset -g history-limit 5000\nset -g status off\n');
    // Ink prints nothing live when it thinks it runs in CI; a terminal is a terminal.
    const env: NodeJS.ProcessEnv = { ...options.env };
    delete env.CI;
    delete env.CONTINUOUS_INTEGRATION;
    delete env.TMUX;
    const terminal = new TmuxTerminal(`mqt-${process.pid}-${count}`, dir, env);
    // The exit status goes to a file: tmux's own #{pane_dead_status} misses quick exits.
    // `trap : INT`: a Ctrl-C reaches the program (which exits 130) but does not stop the shell
    // before it writes the status.
    const command = `trap : INT; ${[process.execPath, BIN, ...options.args].map(shellQuote).join(' ')}; echo $? > ${shellQuote(path.join(dir, 'status'))}`;
    terminal.#tmux([
      '-f',
      conf,
      'new-session',
      '-d',
      '-s',
      'main',
      '-x',
      String(options.columns ?? 80),
      '-y',
      String(options.rows ?? 24),
      '-c',
      ROOT,
      command,
    ]);
    return terminal;
  }

  #tmux(args: string[]): string {
    const r = spawnSync('tmux', ['-L', this.socket, ...args], { env: this.#env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`tmux ${args.join(' ')} failed: ${r.stderr}`);
    return r.stdout;
  }

  /** The visible screen, as text. */
  screen(): string {
    return this.#tmux(['capture-pane', '-p', '-t', 'main']);
  }

  /** The scrollback and the screen. */
  history(): string {
    return this.#tmux(['capture-pane', '-p', '-S', '-', '-t', 'main']);
  }

  /** Keys by tmux name: Enter, Up, Down, Tab, Escape, C-c, C-u, or single characters. */
  keys(...keys: string[]): void {
    this.#tmux(['send-keys', '-t', 'main', ...keys]);
  }

  /** Text typed as is. */
  type(text: string): void {
    this.#tmux(['send-keys', '-t', 'main', '-l', text]);
  }

  /** Waits until the screen matches; returns it. Throws with the screen when it does not in time. */
  async waitFor(pattern: RegExp | string, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen();
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the screen did not show ${String(pattern)} within ${timeoutMs} ms:\n${screen}`);
  }

  /** The program's exit status once it has ended, else undefined. */
  exitStatus(): number | undefined {
    const file = path.join(this.#dir, 'status');
    if (!existsSync(file)) return undefined;
    const text = readFileSync(file, 'utf8').trim();
    if (!/^\d+$/.test(text)) return undefined; // still being written
    return Number(text);
  }

  async waitForExit(timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const status = this.exitStatus();
      if (status !== undefined) return status;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the program did not exit within ${timeoutMs} ms:\n${this.screen()}`);
  }

  close(): void {
    const socket = spawnSync('tmux', ['-L', this.socket, 'display-message', '-p', '#{socket_path}'], {
      env: this.#env,
      encoding: 'utf8',
    }).stdout.trim();
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { env: this.#env });
    if (socket) rmSync(socket, { force: true });
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
