import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kafkaDir, kafkaStatus } from './kafka/broker.js';
import { KAFKA } from './kafka/config.js';
import { rocketmqStatus } from './rocketmq/broker.js';
import { ROCKETMQ } from './rocketmq/config.js';
import { deadRoutePid } from './rocketmq/dead-route.js';

/** A part of the sandbox broken on purpose, for `mq-tutor doctor` and troubleshooting practice. */
export type Corner =
  | { corner: 'misadvertised'; active: boolean; port: number; advertised: string }
  | { corner: 'untrusted'; active: boolean; port: number }
  | { corner: 'dead-route'; active: boolean; topic: string; broker: string; address: string; pid?: number };

/** Whether the running Kafka was started with the corners' listeners (an older `up` had none). */
function kafkaHasCorners(stateDir: string): boolean {
  try {
    return readFileSync(path.join(kafkaDir(stateDir), 'server.properties'), 'utf8').includes(
      'MISADVERTISED://',
    );
  } catch {
    return false;
  }
}

/** Each broken corner, and whether it is in place now (its broker runs, set up with it). */
export function sandboxCorners(stateDir: string): Corner[] {
  const kafka = kafkaStatus(stateDir).running && kafkaHasCorners(stateDir);
  const pid = rocketmqStatus(stateDir).running ? deadRoutePid(stateDir) : undefined;
  return [
    {
      corner: 'misadvertised',
      active: kafka,
      port: KAFKA.misadvertisedPort,
      advertised: `${KAFKA.misadvertisedHost}:${KAFKA.misadvertisedPort}`,
    },
    { corner: 'untrusted', active: kafka, port: KAFKA.untrustedPort },
    {
      corner: 'dead-route',
      active: pid !== undefined,
      topic: ROCKETMQ.deadRouteTopic,
      broker: ROCKETMQ.deadRouteBroker,
      address: ROCKETMQ.deadRouteAddress,
      ...(pid !== undefined ? { pid } : {}),
    },
  ];
}
