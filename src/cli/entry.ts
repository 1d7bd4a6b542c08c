import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // Client libraries may keep sockets or timers around after a clean shutdown; the result is final.
    setTimeout(() => process.exit(code), 50).unref();
  },
  () => process.exit(1),
);
