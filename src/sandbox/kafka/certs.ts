import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { run } from '../../util/exec.js';

export class KeytoolError extends Error {
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`keytool ${command} failed`);
    this.name = 'KeytoolError';
  }
}

async function keytool(args: string[], cwd: string): Promise<void> {
  const result = await run('keytool', args, { cwd, timeoutMs: 60_000 });
  if (result.code !== 0) throw new KeytoolError(args[0] ?? '', `${result.stdout}${result.stderr}`);
}

export interface SandboxCertificates {
  caPem: string;
  keystore: string;
}

/**
 * Makes, once, a sandbox CA and a broker key pair signed by it for localhost and 127.0.0.1, in the
 * way a CKafka instance presents a certificate that CARoot.pem vouches for. Kept across restarts.
 */
export async function ensureCertificates(
  certDir: string,
  caPemOut: string,
  password: string,
): Promise<SandboxCertificates> {
  const caStore = path.join(certDir, 'ca.p12');
  const keystore = path.join(certDir, 'broker.p12');
  if (existsSync(caStore) && existsSync(keystore) && existsSync(caPemOut))
    return { caPem: caPemOut, keystore };
  // A half-made set (an interrupted first `up`) is made again from nothing.
  rmSync(certDir, { recursive: true, force: true });
  rmSync(caPemOut, { force: true });
  mkdirSync(certDir, { recursive: true });
  const store = (file: string) => ['-keystore', file, '-storetype', 'PKCS12', '-storepass', password];
  const csr = path.join(certDir, 'broker.csr');
  const signed = path.join(certDir, 'broker.crt');
  // biome-ignore format: one keytool call per line reads best
  const steps: string[][] = [
    ['-genkeypair', ...store(caStore), '-alias', 'ca', '-dname', 'CN=mq-tutor sandbox CA,O=mq-tutor', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '3650', '-ext', 'bc:c'],
    ['-exportcert', ...store(caStore), '-alias', 'ca', '-rfc', '-file', caPemOut],
    ['-genkeypair', ...store(keystore), '-alias', 'broker', '-dname', 'CN=localhost,O=mq-tutor sandbox', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '3650'],
    ['-certreq', ...store(keystore), '-alias', 'broker', '-file', csr],
    ['-gencert', ...store(caStore), '-alias', 'ca', '-infile', csr, '-outfile', signed, '-rfc', '-validity', '3650', '-ext', 'SAN=dns:localhost,ip:127.0.0.1', '-ext', 'ku:c=digitalSignature,keyEncipherment', '-ext', 'eku=serverAuth'],
    ['-importcert', ...store(keystore), '-alias', 'ca', '-file', caPemOut, '-noprompt'],
    ['-importcert', ...store(keystore), '-alias', 'broker', '-file', signed, '-noprompt'],
  ];
  for (const args of steps) await keytool(args, certDir);
  return { caPem: caPemOut, keystore };
}

/**
 * The untrusted listener's certificate: for localhost like the broker's, but signed by a CA of its
 * own that no sandbox file holds (what a broker looks like to a client given another region's or
 * another product's CARoot.pem). Made once, next to the others.
 */
export async function ensureUntrustedCertificate(certDir: string, password: string): Promise<string> {
  const caStore = path.join(certDir, 'untrusted-ca.p12');
  const keystore = path.join(certDir, 'untrusted.p12');
  if (existsSync(caStore) && existsSync(keystore)) return keystore;
  rmSync(caStore, { force: true });
  rmSync(keystore, { force: true });
  mkdirSync(certDir, { recursive: true });
  const store = (file: string) => ['-keystore', file, '-storetype', 'PKCS12', '-storepass', password];
  const caPem = path.join(certDir, 'untrusted-ca.pem');
  const csr = path.join(certDir, 'untrusted.csr');
  const signed = path.join(certDir, 'untrusted.crt');
  // biome-ignore format: one keytool call per line reads best
  const steps: string[][] = [
    ['-genkeypair', ...store(caStore), '-alias', 'ca', '-dname', 'CN=Not the mq-tutor sandbox CA,O=somebody else', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '3650', '-ext', 'bc:c'],
    ['-exportcert', ...store(caStore), '-alias', 'ca', '-rfc', '-file', caPem],
    ['-genkeypair', ...store(keystore), '-alias', 'broker', '-dname', 'CN=localhost,O=mq-tutor sandbox (untrusted listener)', '-keyalg', 'RSA', '-keysize', '2048', '-validity', '3650'],
    ['-certreq', ...store(keystore), '-alias', 'broker', '-file', csr],
    ['-gencert', ...store(caStore), '-alias', 'ca', '-infile', csr, '-outfile', signed, '-rfc', '-validity', '3650', '-ext', 'SAN=dns:localhost,ip:127.0.0.1', '-ext', 'ku:c=digitalSignature,keyEncipherment', '-ext', 'eku=serverAuth'],
    ['-importcert', ...store(keystore), '-alias', 'ca', '-file', caPem, '-noprompt'],
    ['-importcert', ...store(keystore), '-alias', 'broker', '-file', signed, '-noprompt'],
  ];
  for (const args of steps) await keytool(args, certDir);
  return keystore;
}
