/**
 * A thread made by the bus (its id a UUIDv7) holds no message archived, or named with a
 * time-ordered id made, more than an hour (ANSWER_CLOCK_SLACK_MS) before its first one: `send
 * --thread` and `thread` leave those out unread, where they read the headers of every message the
 * archive ever kept (20,000 archived messages: about a second per send).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { idTimeMs } from '../../scripts/lib/bus/ids.ts';
import { threadMembers } from '../../scripts/lib/bus/query.ts';
import { threadForSend } from '../../scripts/lib/bus/send-thread.ts';

const DAY = 86_400_000;

/** A UUIDv7 made at `ms` (newMessageId never goes back in time within a process). */
function uuid7At(ms: number, n: number): string {
  const h = ms.toString(16).padStart(12, '0');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-7000-8000-${String(n).padStart(12, '0')}`;
}

function archived(root: string, day: string, id: string, thread: string): void {
  const dir = join(receiverPaths(root, 'gemini').archive, day);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `msg-${id}.hw`), `# HelloWorld Message\n# From: @human\n# To: @gemini\n# Thread: ${thread}\n\nold\n`);
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

describe('threads made by the bus: what came long before them is not read', () => {
  it('leaves out messages archived, or named with ids made, days before the thread', async () => {
    const { root } = makeBus();
    const first = await sendMessage({ root, to: 'gemini', from: 'human', body: 'first' });
    const weekAgo = Date.now() - 7 * DAY;
    // Files that claim the thread but were archived (or made) a week before it began.
    archived(root, dayOf(weekAgo), 'old-slug-claiming-the-thread', first.thread);
    const madeLongBefore = uuid7At(weekAgo, 1);
    expect(idTimeMs(madeLongBefore)).toBe(weekAgo);
    archived(root, dayOf(Date.now()), madeLongBefore, first.thread);
    expect(threadMembers(root, first.thread).members.map((m) => m.id)).toEqual([first.id]);
    expect(threadForSend(root, 'gemini', first.thread, {}).turn).toBe(2);
  });

  it('still finds members within the hour the clocks of machines sharing a bus may differ by', async () => {
    const { root } = makeBus();
    const first = await sendMessage({ root, to: 'gemini', from: 'human', body: 'first' });
    const early = uuid7At(Date.now() - 30 * 60_000, 2);
    archived(root, dayOf(Date.now() - 30 * 60_000), early, first.thread);
    archived(root, dayOf(Date.now()), 'a-slug-named-member', first.thread);
    expect(
      threadMembers(root, first.thread)
        .members.map((m) => m.id)
        .sort(),
    ).toEqual([first.id, early, 'a-slug-named-member'].sort());
    expect(threadForSend(root, 'gemini', first.thread, {}).turn).toBe(4);
  });

  it('a thread id dated in the future (any writer can make one) hides nothing made before now', async () => {
    const { root } = makeBus();
    const future = uuid7At(Date.now() + 30 * DAY, 3);
    const member = await sendMessage({ root, to: 'gemini', from: 'human', body: 'in it', thread: future });
    const twoDaysAgo = uuid7At(Date.now() - 2 * DAY, 4);
    archived(root, dayOf(Date.now() - 2 * DAY), twoDaysAgo, future);
    expect(
      threadMembers(root, future)
        .members.map((m) => m.id)
        .sort(),
    ).toEqual([member.id, twoDaysAgo].sort());
    expect(threadForSend(root, 'gemini', future, {}).turn).toBe(3);
  });

  it('a thread named by a writer (not a UUIDv7) is looked for everywhere, as before', async () => {
    const { root } = makeBus();
    archived(root, dayOf(Date.now() - 7 * DAY), 'old-member', 'topic-x');
    expect(threadMembers(root, 'topic-x').members.map((m) => m.id)).toEqual(['old-member']);
    expect(threadForSend(root, 'gemini', 'topic-x', {}).turn).toBe(2);
  });
});
