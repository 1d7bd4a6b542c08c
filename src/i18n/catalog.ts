import type { Localized } from './lang.js';
import { actionMessages, librocketmqMessages } from './messages/actions.js';
import { cliMessages } from './messages/cli.js';
import { codegenMessages } from './messages/codegen.js';
import { doctorMessages } from './messages/doctor.js';
import { paramMessages } from './messages/params.js';
import { profileMessages } from './messages/profile.js';
import { reportMessages } from './messages/report.js';
import { rocketmqMessages } from './messages/rocketmq.js';
import { roomMessages } from './messages/room.js';
import { sandboxMessages } from './messages/sandbox.js';
import { sandboxCornerMessages } from './messages/sandbox-corners.js';
import { sessionMessages } from './messages/session.js';
import { uiMessages } from './messages/ui.js';
import { wizardMessages } from './messages/wizard.js';
import { workshopMessages } from './messages/workshop.js';

/** Every user-facing string of mq-tutor's code (step content lives in steps/). */
export const catalog = {
  ...cliMessages,
  ...paramMessages,
  ...profileMessages,
  ...reportMessages,
  ...codegenMessages,
  ...doctorMessages,
  ...actionMessages,
  ...librocketmqMessages,
  ...rocketmqMessages,
  ...sandboxMessages,
  ...sandboxCornerMessages,
  ...sessionMessages,
  ...uiMessages,
  ...wizardMessages,
  ...workshopMessages,
  ...roomMessages,
} satisfies Record<string, Localized>;
