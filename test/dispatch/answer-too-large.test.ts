/**
 * An answer larger than the bus reads (MESSAGE_READ_LIMIT): the wait used to collect it into the
 * archive, fail to read it, and report "no answer ... stays queued (is serve running?)" at its
 * timeout. It now ends at once and says where the answer is and why it is not shown.
 */
import { describe, expect, it } from 'vitest';
import { closeSync, openSync, readdirSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { MESSAGE_READ_LIMIT } from '../../scripts/lib/bus/fsutil.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { Session } from '../../scripts/lib/bus/session.ts';
import { waitUntil } from '../../scripts/lib/bus/wait.ts';
import { makeBus } from './helpers.ts';

/** Writes an answer to `requestId` of MESSAGE_READ_LIMIT + 1 body bytes into claude's outbox, in place (sparse). */
function plantHugeAnswer(root: string, requestId: string): string {
  const paths = receiverPaths(root, 'claude');
  const name = messageFileName(newMessageId());
  const tmp = join(paths.outbox, `.${name}.tmp`);
  const fd = openSync(tmp, 'wx');
  const head = `# HelloWorld Response\n# From: claude\n# To: human\n# Thread: ${requestId}\n# In-Reply-To: ${requestId}\n# Timestamp: 2026-01-01T00:00:00Z\n\n`;
  writeSync(fd, head);
  writeSync(fd, 'A', Buffer.byteLength(head) + MESSAGE_READ_LIMIT);
  closeSync(fd);
  renameSync(tmp, join(paths.outbox, name));
  return name;
}

describe('an answer too large to read', () => {
  it('ends the wait at once with what happened and where the answer is, not a timeout', async () => {
    const { root } = makeBus();
    const session = new Session({ root, from: 'human', waitMs: 8_000 });
    const paths = receiverPaths(root, 'claude');
    let planted = '';
    const plant = async () => {
      const got = await waitUntil(paths.root, paths.inbox, () => readdirSync(paths.inbox).find((n) => n.startsWith('msg-')), 10_000);
      expect(got.ok).toBe(true);
      if (got.ok) planted = plantHugeAnswer(root, got.value.slice(4, -3));
    };
    const t0 = Date.now();
    const [out] = await Promise.all([session.line('@claude hello'), plant()]);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(out.outputs).toHaveLength(1);
    const error = out.outputs[0]!;
    expect(error.kind).toBe('error');
    const text = (error as { text: string }).text;
    const m = text.match(
      new RegExp(
        `@claude answered msg-\\S+ with ${planted.slice(0, -3)}, but it cannot be shown: it is larger than the limit of \\d+ bytes \\(\\d+ bytes\\); it is at (\\S+)$`,
      ),
    );
    expect(m, text).not.toBeNull();
    // The path named is where the answer is: collected into the archive, whole.
    expect(m![1]!.startsWith(paths.archive)).toBe(true);
    expect(statSync(m![1]!).size).toBeGreaterThan(MESSAGE_READ_LIMIT);
    expect(readdirSync(paths.outbox)).not.toContain(planted);
  });
});
