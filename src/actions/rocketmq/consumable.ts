import type { StepResult } from '../../engine/types.js';
import { succeeded } from '../earlier-result.js';
import { StepFailure } from '../types.js';
import { tagMatches } from './message.js';

/**
 * What a consume step can tell before it joins a group, on either route: with nothing produced
 * there is no message to recognise (it would only refuse other people's until its time ran out),
 * and a subscription that excludes the tag the message was sent with can never receive it.
 */
export function assertConsumable(
  produced: StepResult | undefined,
  target: { topic: string; group: string; tagExpression: string },
): asserts produced is StepResult {
  if (!succeeded(produced))
    throw new StepFailure({ code: 'CONSUME_NOTHING_PRODUCED', values: { group: target.group } });
  const sentTag = typeof produced.details.tag === 'string' ? produced.details.tag : undefined;
  if (sentTag && !tagMatches(target.tagExpression, sentTag))
    throw new StepFailure({
      code: 'RMQ_CONSUME_TAG_MISMATCH',
      values: { topic: target.topic, group: target.group, tag: target.tagExpression, sentTag },
    });
}
