import { detectLang, t } from '../i18n/index.js';
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Client libraries may keep sockets or timers around after a clean shutdown; the result is final.
    setTimeout(() => process.exit(code), 50).unref();
  },
  // main answers every error itself; should one still get out, it is said in one line, not lost.
  (error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${t(detectLang(undefined), 'cli.unexpectedError', { detail })}\n`);
    process.exit(1);
  },
);
