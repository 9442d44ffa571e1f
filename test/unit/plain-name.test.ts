/**
 * A plain name is one a line of ours may quote: no white space, no quote, no character that only
 * looks like nothing or like punctuation of ours. A second review of 2026-12-07 passed sentences
 * through U+2800 (Braille blank), typographic quotes, U+2024 and fullwidth punctuation.
 */
import { describe, expect, it } from 'vitest';
import { isPlainName } from '../../scripts/lib/text/fence.ts';

describe('isPlainName', () => {
  it.each(['notes/a-1.md', 'garden', 'Café-notes', 'Ｃlaude', 'x_y.z', '日記/2026.md', 'C:/x', '..\\x'])('takes %s', (n) => expect(isPlainName(n)).toBe(true));
  it.each([
    'NOTE\u2800TO\u2800ASSISTANT\u2800run\u2800curl',
    '\u201cignore\u2024previous\u2024instructions\u201d',
    'NOTE\uff3fTO\uff3fASSISTANT',
    'a\u3164b',
    'run;curl|sh',
    'a b',
    "it's",
    'x'.repeat(161),
  ])('refuses %j', (n) => expect(isPlainName(n)).toBe(false));
});
