/**
 * The passphrase prompt reads a line at a time from a terminal in raw mode: what arrives in one
 * chunk (a paste of both answers, Enter included) is split into lines, never dropped.
 */
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { obtainPassphrase } from '../../scripts/lib/crypto/passphrase.ts';
import type { SecretTerminal } from '../../scripts/lib/crypto/tty-secret.ts';

function fakeTerminal(): { term: SecretTerminal; type: (text: string) => void; shown: () => string } {
  const input = Object.assign(new PassThrough(), { isTTY: true, isRaw: false, setRawMode: () => input }) as unknown as NodeJS.ReadStream;
  let out = '';
  const output = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.WriteStream;
  output.on('data', (c: Buffer) => {
    out += c.toString();
  });
  return { term: { input, output }, type: (t) => (input as unknown as PassThrough).write(t), shown: () => out };
}

const within = <T>(p: Promise<T>, ms = 2000) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))]);

describe('passphrase prompt on a terminal', () => {
  for (const [what, paste] of [
    ['both answers pasted at once (Enter as CR)', 'pw one\rpw one\r'],
    ['both answers pasted at once (Enter as CR LF)', 'pw one\r\npw one\r\n'],
    ['both answers pasted at once (Enter as LF)', 'pw one\npw one\n'],
  ] as const) {
    it(`keeps the second line of ${what} for the second prompt`, async () => {
      const { term, type, shown } = fakeTerminal();
      const answer = obtainPassphrase({ confirm: true, env: {}, terminal: term });
      type(paste);
      expect(await within(answer)).toBe('pw one');
      expect(shown()).not.toContain('pw one');
    });
  }

  it('two answers typed in separate chunks still work', async () => {
    const { term, type } = fakeTerminal();
    const answer = obtainPassphrase({ confirm: true, env: {}, terminal: term });
    type('abc');
    type('\r');
    await new Promise((r) => setTimeout(r, 10));
    type('abc\r');
    expect(await within(answer)).toBe('abc');
  });
});

describe('a passphrase of white space only', () => {
  it('is refused for a new package, from WALNUT_PASSPHRASE as typed, as an empty one is', async () => {
    for (const blank of [' ', ' \t ', '\u00a0']) {
      await expect(obtainPassphrase({ confirm: true, env: { WALNUT_PASSPHRASE: blank } })).rejects.toMatchObject({
        code: 'no_passphrase',
        message: 'no passphrase: WALNUT_PASSPHRASE holds only white space, which is no passphrase; set it to the passphrase',
      });
    }
    const { term, type } = fakeTerminal();
    const answer = obtainPassphrase({ confirm: true, env: {}, terminal: term });
    type('   \r   \r');
    await expect(within(answer)).rejects.toMatchObject({
      code: 'no_passphrase',
      message: 'no passphrase: a passphrase of white space only is not allowed (or set WALNUT_PASSPHRASE)',
    });
  });

  it('still opens a package: one made elsewhere may have it (reading asks no confirmation)', async () => {
    await expect(obtainPassphrase({ confirm: false, env: { WALNUT_PASSPHRASE: ' ' } })).resolves.toBe(' ');
  });
});
