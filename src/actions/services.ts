import type { ActionContext } from './types.js';

/** A group's consumer offsets as its broker sees them (the console's Group page). */
export interface GroupView {
  consumedByGroup: boolean;
  storedAt: { broker: string; queue: number; offset: number };
  totalLag: number;
  queues: { broker: string; queue: number; brokerOffset: number; consumerOffset: number; lag: number }[];
}

/**
 * What the session may lend an action beyond its parameters. On the sandbox, the session knows the
 * broker's admin keys and can show RocketMQ verify the group as the broker sees it; elsewhere the
 * step points to the console instead.
 */
export interface ActionServices {
  rocketmqGroupView?: (request: {
    endpoints: string;
    group: string;
    topic: string;
    message: { broker: string; queue: number; offset: number };
  }) => Promise<GroupView | undefined>;
}

export function servicesOf(ctx: ActionContext): ActionServices {
  return ctx.services as ActionServices;
}
