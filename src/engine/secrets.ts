/** Parameters that are secrets (DESIGN.md section 3): never printed, reported, or stored unless opted in. */
export const SECRET_KEYS: ReadonlySet<string> = new Set(['password', 'accessKey', 'secretKey']);

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key);
}
