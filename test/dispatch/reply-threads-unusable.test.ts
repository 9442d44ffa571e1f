/**
 * A reply takes the request from the inbox (a claim of its own for the moment the answer takes),
 * then reads and records the thread's turns in threads/. A bus writer can make threads/ a link or a
 * file: the reply was refused (unsafe_bus_folder), but the request stayed claimed for the whole
 * lease (30 minutes) under the live MCP server's tag: every reply after the link was removed was
 * told another reply was storing its answer, claim refused it, and wait said it was being handled
 * (an attack review of 2026-12-07). A reply that does not happen leaves the request as it was.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { replyTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';

async function refusalCode(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (err) {
    return (err as { code?: string }).code;
  }
  throw new Error('expected a refusal');
}

describe('a reply refused because threads/ cannot be used', () => {
  for (const [what, plant] of [
    ['a link', (dir: string, elsewhere: string) => symlinkSync(elsewhere, dir)],
    ['a file', (dir: string) => writeFileSync(dir, 'x')],
  ] as const) {
    it(`threads/ ${what}: the request is back in the inbox, and a reply once it is mended answers it`, async () => {
      const { root, base } = makeBus();
      const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
      const paths = receiverPaths(root, 'claude');
      const elsewhere = join(base, 'elsewhere');
      mkdirSync(elsewhere);
      rmSync(paths.threads, { recursive: true, force: true });
      plant(paths.threads, elsewhere);
      for (const reply of [
        () => replyTool({ root, as: 'human' }, { id: sent.id, body: 'a', as: '@claude' }),
        () => answerMessage(root, 'claude', sent.id, 'a'),
      ]) {
        expect(await refusalCode(reply())).toBe('unsafe_bus_folder');
        expect(readdirSync(paths.inbox)).toContain(messageFileName(sent.id));
        expect(readdirSync(paths.processing).filter((n) => n.startsWith(messageFileName(sent.id)))).toEqual([]);
      }
      expect(readdirSync(elsewhere)).toEqual([]);
      rmSync(paths.threads, { recursive: true, force: true });
      const answered = await replyTool({ root, as: 'human' }, { id: sent.id, body: 'a', as: '@claude' });
      expect(answered).toMatchObject({ in_reply_to: sent.id });
    });
  }
});
