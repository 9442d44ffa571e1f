/**
 * `send --thread review-42` and `thread review-42` read the headers of every file on the bus, one
 * after the other, in one synchronous turn: 100,000 files planted in a receiver's archive took
 * 6.5 s each, and the MCP server answered no other call meanwhile. A lookup now reads at most
 * THREAD_SCAN_MAX files' headers, those with the newest bus-made ids first (a file named with a
 * slug, or with an id dated ahead of the clock, last), and says how many it left unread; `send
 * --thread NAME` reads only the receiver's folders (the turn counts the thread's requests there).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setThreadScanMaxForTests, threadMembers } from '../../scripts/lib/bus/query.ts';
import { threadForSend } from '../../scripts/lib/bus/send-thread.ts';
import { threadTool } from '../../scripts/lib/bus/mcp/tools.ts';

const MAX = 10;
afterEach(() => setThreadScanMaxForTests(undefined));

function plantMany(root: string, receiver: string, n: number, thread: string): void {
  const dir = join(receiverPaths(root, receiver).archive, '2026-01-01');
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) writeFileSync(join(dir, `msg-p${i}.hw`), `# HelloWorld Message\n# Thread: ${thread}\n\nx\n`);
}

describe('a thread lookup on a bus flooded with files', () => {
  it('thread: reads the newest bus-made files first, at most THREAD_SCAN_MAX, and says how many it left', async () => {
    const { root } = makeBus();
    const real = await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'review-42' });
    plantMany(root, 'zz', 50, 'review-42');
    setThreadScanMaxForTests(MAX);
    const t = threadMembers(root, 'review-42');
    expect(t.members.map((m) => m.id)).toContain(real.id);
    expect(t.members).toHaveLength(MAX);
    expect(t.unread).toBe(51 - MAX);

    const text = await dispatch(root, ['thread', 'review-42']);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      `note: ${51 - MAX} files on the bus were not read: a thread lookup reads the headers of at most ${MAX} files, those with the newest ids the bus made first; older messages of this thread may be missing`,
    );
    const json = JSON.parse((await dispatch(root, ['thread', 'review-42', '--json'])).stdout);
    expect(json).toMatchObject({ count: MAX, unread_files: 51 - MAX });
    const tool = threadTool({ root, as: 'human' }, { id: 'review-42' });
    expect(tool).toMatchObject({ unread_files: 51 - MAX });
    expect((tool as { note?: string }).note).toContain('not read');
  });

  it('nothing is said when every file was read', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'review-42' });
    setThreadScanMaxForTests(MAX);
    const t = threadMembers(root, 'review-42');
    expect(t.unread).toBe(0);
    const text = await dispatch(root, ['thread', 'review-42']);
    expect(text.stdout).not.toContain('not read');
    expect(JSON.parse((await dispatch(root, ['thread', 'review-42', '--json'])).stdout).unread_files).toBeUndefined();
  });

  it("send --thread NAME reads only the receiver's folders: files planted elsewhere are not read", async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'review-42' });
    plantMany(root, 'zz', 50, 'review-42');
    setThreadScanMaxForTests(MAX);
    expect(threadForSend(root, 'claude', 'review-42', {})).toEqual({ thread: 'review-42', turn: 2 });
  });

  it('send --thread NAME on a receiver whose own folders are flooded: the turn counted from what was read, said in a warning', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'review-42' });
    plantMany(root, 'claude', 50, 'other');
    setThreadScanMaxForTests(MAX);
    const r = threadForSend(root, 'claude', 'review-42', {});
    expect(r).toMatchObject({ thread: 'review-42', turn: 2 });
    expect(r.warning).toBe(
      `the turn in this thread was counted from the headers of ${MAX} of @claude's files (the newest bus-made ids first): ${51 - MAX} were not read, so it may be too low`,
    );
    const cli = await dispatch(root, ['send', '@claude', 'hi', '--thread', 'review-42']);
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain('warning: the turn in this thread was counted from');
  });
});
