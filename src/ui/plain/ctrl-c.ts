/**
 * While a step runs there is no prompt, and a Ctrl-C would reach the process as SIGINT. A library
 * under conf (when-exit, via atomically) answers the first SIGINT by sending the process a second
 * one, which cli/main.ts takes as "leave at once": the consumer would not leave its group. So
 * during a run the terminal is put in raw mode and Ctrl-C is read as a key, as the wizard does.
 * Returns the function that gives the terminal back.
 */
export function catchCtrlC(onCtrlC: () => void, stdin: NodeJS.ReadStream = process.stdin): () => void {
  if (!stdin.isTTY || typeof stdin.setRawMode !== 'function') return () => {};
  const wasRaw = stdin.isRaw;
  stdin.setRawMode(true);
  stdin.resume();
  const onData = (data: Buffer | string) => {
    if (String(data).includes('\u0003')) onCtrlC();
  };
  stdin.on('data', onData);
  return () => {
    stdin.off('data', onData);
    stdin.setRawMode(wasRaw);
    stdin.pause();
  };
}
