import { spawnSync } from 'node:child_process';
import { CA_FILE, LEARNER, sandboxSecrets } from './sandbox.js';

export type Listener = 'SASL_PLAINTEXT' | 'SASL_SSL';

/** librdkafka settings for the sandbox learner, the way the document configures kafka-python. */
export function kcatAuth(listener: Listener, password = sandboxSecrets().kafka.learnerPassword): string[] {
  const args = [
    '-b',
    listener === 'SASL_SSL' ? 'localhost:19095' : 'localhost:19094',
    '-X',
    `security.protocol=${listener}`,
    '-X',
    'sasl.mechanism=PLAIN',
    '-X',
    `sasl.username=${LEARNER}`,
    '-X',
    `sasl.password=${password}`,
  ];
  if (listener === 'SASL_SSL')
    args.push('-X', `ssl.ca.location=${CA_FILE}`, '-X', 'ssl.endpoint.identification.algorithm=none');
  return args;
}

export interface KcatResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function kcat(args: string[], input?: string, timeoutMs = 30_000): KcatResult {
  const r = spawnSync('kcat', args, { input, encoding: 'utf8', timeout: timeoutMs });
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Produces one message with kcat; returns kcat's delivery report line "partition offset". */
export function kcatProduce(
  listener: Listener,
  topic: string,
  value: string,
  options: { key?: string; partition?: number; password?: string } = {},
): KcatResult {
  const args = ['-P', ...kcatAuth(listener, options.password), '-t', topic];
  if (options.key !== undefined) args.push('-k', options.key);
  if (options.partition !== undefined) args.push('-p', String(options.partition));
  return kcat(args, `${value}\n`);
}

/** Reads exactly one message at a partition and offset, printing "partition offset key value". */
export function kcatReadAt(listener: Listener, topic: string, partition: number, offset: number): KcatResult {
  return kcat([
    '-C',
    ...kcatAuth(listener),
    '-t',
    topic,
    '-p',
    String(partition),
    '-o',
    String(offset),
    '-c',
    '1',
    '-e',
    '-f',
    '%p\t%o\t%k\t%s\n',
  ]);
}
