/**
 * One server-sent event (https://html.spec.whatwg.org/multipage/server-sent-events.html): the
 * event's name, then each line of the data on its own `data:` line, then a blank line.
 */
export function sseFrame(event: string, data: string): string {
  const lines = data.split(/\r\n|\r|\n/).map((line) => `data: ${line}\n`);
  return `event: ${event}\n${lines.join('')}\n`;
}

/** A comment line: keeps an idle connection open through proxies; EventSource ignores it. */
export const SSE_KEEPALIVE = ': keepalive\n\n';
