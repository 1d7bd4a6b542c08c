import { holdDeadRoute } from './dead-route.js';

// The sandbox's dead-route holder (see dead-route.ts): runs until `sandbox down` stops it.
const controller = new AbortController();
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => controller.abort());
holdDeadRoute(controller.signal, Number(process.argv[2]) || undefined).then(
  () => process.exit(0),
  () => process.exit(1),
);
