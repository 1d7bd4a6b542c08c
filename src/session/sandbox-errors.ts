import { type Lang, type MessageKey, t } from '../i18n/index.js';
import { BrokerStartError } from '../sandbox/errors.js';
import { KeytoolError } from '../sandbox/kafka/certs.js';
import { MavenError } from '../sandbox/maven.js';
import { SandboxPrerequisiteError } from '../sandbox/prerequisites.js';

/** Puts a sandbox failure into one or a few plain lines; undefined when it is not one of the sandbox's. */
export function sandboxErrorText(lang: Lang, error: unknown): string | undefined {
  if (error instanceof SandboxPrerequisiteError) {
    return t(lang, `sandbox.error.${error.reason}` as MessageKey, error.detail);
  }
  if (error instanceof MavenError) return t(lang, 'sandbox.error.maven', { detail: error.output });
  if (error instanceof KeytoolError) return t(lang, 'sandbox.error.keytool', { detail: error.output.trim() });
  if (error instanceof BrokerStartError) {
    return t(lang, 'sandbox.error.start', {
      broker: error.broker,
      log: error.logFile,
      detail: error.logTail,
    });
  }
  return undefined;
}
