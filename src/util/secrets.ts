import { randomBytes } from 'node:crypto';

/** A random secret of URL-safe characters, easy to paste into a shell or a properties file. */
export function randomSecret(bytes = 18): string {
  return randomBytes(bytes).toString('base64url');
}

/** Shows that a secret is set without revealing it. */
export function maskSecret(value: string | undefined): string {
  if (!value) return '';
  return '•'.repeat(8);
}

/** Replaces every occurrence of any of `secrets` in `text` with a mask. */
export function redact(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 3) out = out.split(secret).join('••••••••');
  }
  return out;
}
