/** DESIGN.md section 4. */
export const EXIT = {
  ok: 0,
  stepFailed: 1,
  /** `mq-tutor doctor` found something wrong. */
  problemFound: 1,
  usage: 2,
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
