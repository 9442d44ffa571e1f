/**
 * An answer copies its request's Thread header (and, when the sender is no valid name, its From
 * as To) before its In-Reply-To. A request whose Thread header was 1,500 zero-width spaces (4,500
 * bytes), or whose From was 5,000 characters, got an answer (by reply or serve) whose In-Reply-To
 * lay past the 4 KiB of headers a wait reads of each file: `dispatch wait` never found it ("no
 * answer …; the request is handled"), nor did the thread listing. Our writer now puts In-Reply-To
 * first after the title line (readers take the header block in any order).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAsGemini, dispatch, makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';

const ID = '01a24c90-3333-7000-8000-000000000001';

function planted(from: string, thread: string) {
  const { root } = makeBus();
  const p = receiverPaths(root, 'gemini');
  mkdirSync(p.inbox, { recursive: true });
  writeFileSync(join(p.inbox, messageFileName(ID)), `# HelloWorld Message\n# From: ${from}\n# To: @gemini\n# Thread: ${thread}\n\nhello\n`);
  return { root, p };
}

describe('an answer to a request with headers past the 4 KiB a wait reads', () => {
  const cases = [
    { name: 'a Thread header of 1,500 zero-width spaces', from: '@claude', thread: '\u200b'.repeat(1500) },
    { name: 'a From header of 5,000 characters', from: 'x'.repeat(5000), thread: 'project-alpha' },
  ];
  for (const c of cases) {
    for (const how of ['reply', 'serve'] as const) {
      it(`${c.name}, answered by ${how}: In-Reply-To comes first, and wait and thread find the answer`, async () => {
        const { root, p } = planted(c.from, c.thread);
        await answerAsGemini(root, ID, how);
        const [answer] = readdirSync(p.outbox);
        const text = readFileSync(join(p.outbox, answer!), 'utf8');
        expect(text.startsWith(`# HelloWorld Response\n# In-Reply-To: ${ID}\n# From: @gemini\n`)).toBe(true);
        const w = await dispatch(root, ['wait', ID, '--timeout', '2', '--json']);
        expect(w.status, w.stderr).toBe(0);
        expect(JSON.parse(w.stdout)).toMatchObject({ ok: true, id: ID, answer: { untrusted: { body: 'hello' } } });
        const t = JSON.parse((await dispatch(root, ['thread', ID, '--json'])).stdout);
        expect(t.count).toBe(2);
      });
    }
  }
});
