/**
 * `active_sessions:` (who is working in a walnut right now, and their notes) is stripped from the
 * YAML a package carries (cli.md 4). A review of 2026-12-07: a blank line or a comment between its
 * items ended the block, so the items after it travelled (a session's "private working note") and
 * the packed file no longer parsed; a key behind a byte-order mark, or quoted, was not stripped.
 * Each case fed whole and a byte at a time (the stripper is a stream).
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ActiveSessionsStripper } from '../../scripts/lib/package/yaml-strip.ts';

async function stripped(text: string, chunk = text.length || 1): Promise<string> {
  const parts: Buffer[] = [];
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const out: Buffer[] = [];
  for await (const b of Readable.from(parts).pipe(new ActiveSessionsStripper())) out.push(b as Buffer);
  return Buffer.concat(out).toString();
}

const CASES: Record<string, [string, string]> = {
  'a blank line between its items': [
    'goal: g\nactive_sessions:\n  - id: a\n\n  - id: b\n    note: "private working note"\nsensitivity: open\n',
    'goal: g\nsensitivity: open\n',
  ],
  'blank lines, then the next key (kept, with the blank line)': ['a: 1\nactive_sessions:\n  - x\n\nb: 2\n', 'a: 1\n\nb: 2\n'],
  'a comment between its items': ['active_sessions:\n  - a\n# whose\n  - b\nz: 1\n', 'z: 1\n'],
  'a comment, then the next key': ['active_sessions:\n  - a\n# about z\nz: 1\n', '# about z\nz: 1\n'],
  'the key behind a byte-order mark': ['\uFEFFactive_sessions:\n  - a\nz: 1\n', '\uFEFFz: 1\n'],
  'the key quoted': ['"active_sessions":\n  - a\nz: 1\n', 'z: 1\n'],
  'blank lines at the end': ['a: 1\nactive_sessions:\n  - x\n\n\n', 'a: 1\n\n\n'],
  'CRLF and a blank line between items': ['a: 1\r\nactive_sessions:\r\n  - x\r\n\r\n  - y\r\nb: 2\r\n', 'a: 1\r\nb: 2\r\n'],
};

describe('the active_sessions: block', () => {
  for (const [name, [src, want]] of Object.entries(CASES)) {
    it(`is stripped whole: ${name}`, async () => {
      expect(await stripped(src)).toBe(want);
      expect(await stripped(src, 1)).toBe(want);
    });
  }
});
