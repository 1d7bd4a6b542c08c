/** The message the tutorial sends, and how its tag meets a subscription: the same on both routes. */

/**
 * A tag expression (`*`, `TagA||TagB`) is for subscribing; a message carries one plain tag. The
 * first tag of the expression is sent so that the consume step, subscribed with the same
 * expression, receives it; with `*` any tag does, and TagA is used.
 */
export function tagToSend(expression: string | undefined): string {
  const first = (expression ?? '')
    .split('||')
    .map((t) => t.trim())
    .find((t) => t && t !== '*');
  return first ?? 'TagA';
}

export function tutorialBody(runId: string, sentAt: Date): string {
  return JSON.stringify({
    greeting: 'This is a new message.',
    marker: runId,
    sentAt: sentAt.toISOString(),
    from: 'mq-tutor',
  });
}

/** Whether a subscription's tag expression (`*`, `TagA`, `TagA||TagB`) lets a message with `tag` through. */
export function tagMatches(expression: string, tag: string): boolean {
  const tags = expression.split('||').map((t) => t.trim());
  return tags.includes('*') || tags.includes(tag);
}
