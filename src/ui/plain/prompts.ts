import { confirm, input, password, select } from '@inquirer/prompts';
import { type Ask, QuitError } from './ask.js';

/** Ctrl-C at a prompt (ExitPromptError) or an aborted signal (AbortPromptError) means: stop. */
async function guard<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError')
      throw new QuitError();
    throw error;
  }
}

/** @inquirer/prompts, each question cancelled when `signal` aborts. */
export function inquirerAsk(signal: AbortSignal): Ask {
  const context = { signal };
  return {
    select: (message, choices, defaultValue) =>
      guard(
        select(
          { message, choices, ...(defaultValue ? { default: defaultValue } : {}), loop: false },
          context,
        ),
      ),
    input: (message, options) =>
      guard(
        input(
          {
            message,
            ...(options.default !== undefined && options.default !== '' ? { default: options.default } : {}),
            ...(options.validate ? { validate: options.validate } : {}),
          },
          context,
        ),
      ),
    password: (message, options) =>
      guard(
        password(
          { message, mask: '*', ...(options.validate ? { validate: options.validate } : {}) },
          context,
        ),
      ),
    confirm: (message, defaultValue) => guard(confirm({ message, default: defaultValue }, context)),
  };
}
