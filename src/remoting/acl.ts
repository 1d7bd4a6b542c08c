import { createHmac } from 'node:crypto';

export interface Credentials {
  accessKey: string;
  secretKey: string;
  /** Only some hosted brokers hand these out; it is signed like any other field. */
  securityToken?: string;
}

/** The content AclClientRPCHook signs: every field value in key order (Java String order), then the body. */
export function signingContent(extFields: Record<string, string>, body: Buffer | undefined): Buffer {
  const keys = Object.keys(extFields)
    .filter((k) => k !== 'Signature')
    .sort(compareJavaStrings);
  const text = Buffer.from(keys.map((k) => extFields[k]).join(''), 'utf8');
  return body && body.length > 0 ? Buffer.concat([text, body]) : text;
}

/** HMAC-SHA1 of `content` under the secret key, base64 (AclSigner.calSignature). */
export function signature(content: Buffer | string, secretKey: string): string {
  return createHmac('sha1', Buffer.from(secretKey, 'utf8')).update(content).digest('base64');
}

/**
 * The request's fields as AclClientRPCHook leaves them: AccessKey (and SecurityToken) added, then a
 * Signature over all of them and the body. The broker recomputes the same from what it receives.
 */
export function signRequest(
  extFields: Record<string, string>,
  body: Buffer | undefined,
  credentials: Credentials,
): Record<string, string> {
  const fields: Record<string, string> = { ...extFields, AccessKey: credentials.accessKey };
  if (credentials.securityToken !== undefined) fields.SecurityToken = credentials.securityToken;
  delete fields.Signature;
  return { ...fields, Signature: signature(signingContent(fields, body), credentials.secretKey) };
}

/** Java's TreeMap order: by UTF-16 code unit, which is also what `<` on JS strings compares. */
function compareJavaStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
