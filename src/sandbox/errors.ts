/** A broker process that exited or never answered; carries the end of its log for the user. */
export class BrokerStartError extends Error {
  constructor(
    readonly broker: string,
    readonly logFile: string,
    readonly logTail: string,
  ) {
    super(`${broker} did not become ready`);
    this.name = 'BrokerStartError';
  }
}
