export { errorChain } from '../util/errors.js';

export function chainHas(
  chain: Record<string, unknown>[],
  test: (e: Record<string, unknown>) => boolean,
): boolean {
  return chain.some(test);
}

export const nameIs = (name: string) => (e: Record<string, unknown>) => e.name === name;
export const codeIs =
  (...codes: string[]) =>
  (e: Record<string, unknown>) =>
    codes.includes(String(e.code));
export const typeIs =
  (...types: string[]) =>
  (e: Record<string, unknown>) =>
    types.includes(String(e.type));
export const messageMatches = (re: RegExp) => (e: Record<string, unknown>) =>
  re.test(String(e.message ?? ''));
