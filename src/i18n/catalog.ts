import type { Localized } from './lang.js';
import { actionMessages, librocketmqMessages } from './messages/actions.js';
import { cliMessages } from './messages/cli.js';
import { codegenMessages } from './messages/codegen.js';
import { paramMessages } from './messages/params.js';
import { profileMessages } from './messages/profile.js';
import { reportMessages } from './messages/report.js';
import { rocketmqMessages } from './messages/rocketmq.js';
import { sandboxMessages } from './messages/sandbox.js';
import { uiMessages } from './messages/ui.js';
import { wizardMessages } from './messages/wizard.js';

/** Every user-facing string of mq-tutor's code (step content lives in steps/). */
export const catalog = {
  ...cliMessages,
  ...paramMessages,
  ...profileMessages,
  ...reportMessages,
  ...codegenMessages,
  ...actionMessages,
  ...librocketmqMessages,
  ...rocketmqMessages,
  ...sandboxMessages,
  ...uiMessages,
  ...wizardMessages,
} satisfies Record<string, Localized>;
