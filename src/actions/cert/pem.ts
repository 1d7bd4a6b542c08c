import { X509Certificate } from 'node:crypto';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  isCa: boolean;
  fingerprint256: string;
}

export class CaFileError extends Error {
  constructor(
    readonly reason: 'not-pem' | 'no-certificate' | 'unparsable' | 'unreadable',
    readonly file: string,
  ) {
    super(`CA file ${file}: ${reason}`);
    this.name = 'CaFileError';
  }
}

const BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Every certificate in a PEM file; throws CaFileError when the file is not a PEM certificate. */
export function parseCaPem(text: string, file: string): { pem: string; certificates: CertificateInfo[] } {
  if (!text.includes('-----BEGIN')) throw new CaFileError('not-pem', file);
  const blocks = text.match(BLOCK) ?? [];
  if (blocks.length === 0) throw new CaFileError('no-certificate', file);
  const certificates = blocks.map((block) => {
    try {
      const cert = new X509Certificate(block);
      return {
        subject: cert.subject.replace(/\n/g, ', '),
        issuer: cert.issuer.replace(/\n/g, ', '),
        validFrom: new Date(cert.validFrom).toISOString(),
        validTo: new Date(cert.validTo).toISOString(),
        isCa: cert.ca,
        fingerprint256: cert.fingerprint256,
      };
    } catch {
      throw new CaFileError('unparsable', file);
    }
  });
  return { pem: blocks.join('\n'), certificates };
}

export type Validity = 'valid' | 'expired' | 'not-yet-valid';

export function validityAt(cert: CertificateInfo, now: Date): Validity {
  if (now < new Date(cert.validFrom)) return 'not-yet-valid';
  if (now > new Date(cert.validTo)) return 'expired';
  return 'valid';
}
