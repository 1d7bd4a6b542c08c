import type { Localized } from './lang.js';
import { actionMessages, librocketmqMessages } from './messages/actions.js';
import { cliMessages } from './messages/cli.js';
import { paramMessages } from './messages/params.js';
import { rocketmqMessages } from './messages/rocketmq.js';
import { sandboxMessages } from './messages/sandbox.js';
import { uiMessages } from './messages/ui.js';

/** Every user-facing string of mq-tutor's code (step content lives in steps/). */
export const catalog = {
  ...cliMessages,
  ...paramMessages,
  ...actionMessages,
  ...librocketmqMessages,
  ...rocketmqMessages,
  ...sandboxMessages,
  ...uiMessages,
} satisfies Record<string, Localized>;
