import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { fileURLToPath } from 'node:url';
import { SANDBOX_DIR } from './env.js';
import { sandboxSecrets } from './sandbox.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export interface BlackHole {
  port: number;
  close(): void;
}

/** A loopback port whose TCP connects never complete (see blackhole.py). */
export function blackHole(): Promise<BlackHole> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('python3', [path.join(HERE, 'blackhole.py')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.stdout?.once('data', (d: Buffer) =>
      resolve({ port: Number(d.toString().trim()), close: () => child.kill('SIGKILL') }),
    );
  });
}

/** A CA that has nothing to do with the sandbox, as PEM (a "wrong CA file"). */
export function unrelatedCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'OtherRoot.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      path.join(dir, 'key.pem'),
      '-out',
      file,
      '-days',
      '30',
      '-subj',
      '/CN=Some Other CA',
    ],
    { stdio: 'ignore' },
  );
  return file;
}

/** A CA certificate whose validity ended yesterday. */
export function expiredCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'Expired.pem');
  const store = [
    '-keystore',
    path.join(dir, 'expired.p12'),
    '-storetype',
    'PKCS12',
    '-storepass',
    'expired-ca',
  ];
  // biome-ignore format: one keytool call per line
  execFileSync('keytool', ['-genkeypair', ...store, '-alias', 'ca', '-dname', 'CN=Expired CA', '-keyalg', 'RSA', '-keysize', '2048', '-startdate', '2020/01/01', '-validity', '365', '-ext', 'bc:c'], { stdio: 'ignore' });
  execFileSync('keytool', ['-exportcert', ...store, '-alias', 'ca', '-rfc', '-file', file], {
    stdio: 'ignore',
  });
  return file;
}

/** A file that is not PEM at all (what a browser saves when a download link shows a web page). */
export function htmlCaFile(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-ca-'));
  const file = path.join(dir, 'CARoot.pem');
  execFileSync('bash', [
    '-c',
    `printf '<!DOCTYPE html><html><body>Not found</body></html>' > ${JSON.stringify(file)}`,
  ]);
  return file;
}

export interface TlsServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A TLS server on loopback whose certificate is signed by the sandbox CA but issued to another host
 * (other.example), made with keytool like the sandbox's own: trusted, but the wrong name.
 */
export async function otherHostTlsServer(): Promise<TlsServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mqt-other-'));
  const password = sandboxSecrets().kafka.keystorePassword;
  const caStore = path.join(SANDBOX_DIR, 'kafka', 'certs', 'ca.p12');
  const store = path.join(dir, 'other.p12');
  const kt = (args: string[]) => execFileSync('keytool', args, { stdio: 'ignore' });
  const s = (file: string) => ['-keystore', file, '-storetype', 'PKCS12', '-storepass', password];
  kt([
    '-genkeypair',
    ...s(store),
    '-alias',
    'other',
    '-dname',
    'CN=other.example',
    '-keyalg',
    'RSA',
    '-keysize',
    '2048',
    '-validity',
    '30',
  ]);
  kt(['-certreq', ...s(store), '-alias', 'other', '-file', path.join(dir, 'other.csr')]);
  kt([
    '-gencert',
    ...s(caStore),
    '-alias',
    'ca',
    '-infile',
    path.join(dir, 'other.csr'),
    '-outfile',
    path.join(dir, 'other.crt'),
    '-rfc',
    '-ext',
    'SAN=dns:other.example',
    '-validity',
    '30',
  ]);
  kt([
    '-importcert',
    ...s(store),
    '-alias',
    'ca',
    '-file',
    path.join(SANDBOX_DIR, 'CARoot.pem'),
    '-noprompt',
  ]);
  kt(['-importcert', ...s(store), '-alias', 'other', '-file', path.join(dir, 'other.crt'), '-noprompt']);
  const server = tls.createServer({ pfx: readFileSync(store), passphrase: password }, (socket) =>
    socket.end(),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
