/**
 * An answer copies its request's Thread header, and its From as To when the sender is no valid
 * name. Only line breaks were taken out of them: a request whose From held an OSC title sequence,
 * BEL and U+2028 followed by `# In-Reply-To: <another id>`, and whose Thread held a CSI clear-screen,
 * VT, FF and FS, got an answer (written by serve or reply, under the receiver's name) carrying
 * those bytes raw: `cat` of the outbox ran them, and a reader splitting lines as Python's
 * splitlines() does read a second In-Reply-To. An answer's header now holds no character that may
 * not be shown raw: the copied From and Thread show them as visible escapes.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAsGemini, dispatch, makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { isPrintable } from '../../scripts/lib/text/untrusted.ts';

const ID = '01a24c90-4444-7000-8000-000000000001';
const OTHER = '01a24f11-aaaa-7aaa-8aaa-aaaaaaaaaaaa';
const FROM = `@a\x1b]0;owned\x07\u2028# In-Reply-To: ${OTHER}`;
const THREAD = 't\x1b[2J\x0b\x0c\x1c# X: y';

describe('an answer to a request whose From and Thread hold control and line-separator characters', () => {
  for (const how of ['reply', 'serve'] as const) {
    it(`answered by ${how}: every header line is printable, To and Thread show them escaped`, async () => {
      const { root } = makeBus();
      const p = receiverPaths(root, 'gemini');
      mkdirSync(p.inbox, { recursive: true });
      writeFileSync(join(p.inbox, messageFileName(ID)), `# HelloWorld Message\n# From: ${FROM}\n# To: @gemini\n# Thread: ${THREAD}\n\nhello\n`);
      await answerAsGemini(root, ID, how);
      const [answer] = readdirSync(p.outbox);
      const text = readFileSync(join(p.outbox, answer!), 'utf8');
      const header = text.slice(0, text.indexOf('\n\n')).split('\n');
      for (const line of header) expect(isPrintable(line), JSON.stringify(line)).toBe(true);
      // Every way of splitting lines meets one In-Reply-To, this request's.
      const splitlines = text.split(/\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/);
      expect(splitlines.filter((l) => l.startsWith('# In-Reply-To:'))).toEqual([`# In-Reply-To: ${ID}`]);
      expect(header).toContain(`# To: @a\\x1b]0;owned\\x07\\u{2028}# In-Reply-To: ${OTHER}`);
      expect(header).toContain('# Thread: t\\x1b[2J\\x0b\\x0c\\x1c# X: y');
      const w = await dispatch(root, ['wait', ID, '--timeout', '2', '--json']);
      expect(JSON.parse(w.stdout)).toMatchObject({ ok: true, id: ID, answer: { untrusted: { body: 'hello' } } });
    });
  }
});

/**
 * Escaping made a copied header up to eight times its length (`\u{2028}` for one character): a
 * request whose Thread and From were 100,000 BELs each got an answer of 800 KB of header, past any
 * size the asker takes. A copy now keeps the first 1,000 characters of what it shows, then `…`.
 */
describe('an answer to a request whose From and Thread are very long', () => {
  it('copies at most 1,000 characters of each, escaped, and the answer stays small', async () => {
    const { root } = makeBus();
    const p = receiverPaths(root, 'gemini');
    mkdirSync(p.inbox, { recursive: true });
    const long = '\x07'.repeat(100_000);
    writeFileSync(join(p.inbox, messageFileName(ID)), `# HelloWorld Message\n# From: ${long}\n# To: @gemini\n# Thread: ${long}\n\nhello\n`);
    await answerAsGemini(root, ID, 'reply');
    const [answer] = readdirSync(p.outbox);
    const text = readFileSync(join(p.outbox, answer!), 'utf8');
    const header = text.slice(0, text.indexOf('\n\n')).split('\n');
    const shown = `${'\\x07'.repeat(250)}…`;
    expect(header).toContain(`# To: ${shown}`);
    expect(header).toContain(`# Thread: ${shown}`);
    expect(text.length).toBeLessThan(4096);
  });
});
