/**
 * The questions the line mode asks. The real ones are @inquirer/prompts (prompts.ts); tests answer
 * with a script. A question the user cancels (Ctrl-C, or the run's signal) rejects with QuitError.
 */
export interface Choice<T extends string> {
  value: T;
  name: string;
  description?: string;
}

export interface Ask {
  select<T extends string>(message: string, choices: Choice<T>[], defaultValue?: T): Promise<T>;
  input(
    message: string,
    options: { default?: string; validate?: (value: string) => string | true },
  ): Promise<string>;
  password(message: string, options: { validate?: (value: string) => string | true }): Promise<string>;
  confirm(message: string, defaultValue: boolean): Promise<boolean>;
}

/** The user left at a question (Ctrl-C) or the run was stopped (SIGTERM). */
export class QuitError extends Error {
  constructor() {
    super('quit');
    this.name = 'QuitError';
  }
}
