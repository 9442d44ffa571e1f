import { sep } from 'node:path';

/** True when the absolute path `abs` is `base` or below it, by its text (resolve both first). */
export function isWithin(base: string, abs: string): boolean {
  return abs === base || abs.startsWith(base + sep);
}
