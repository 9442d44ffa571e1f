/**
 * HelloWorld's own (HEAD) runtimes delete the message they read and answer with a new message into
 * the sender's inbox (no Thread, no In-Reply-To), which no wait can match. A wait that ran out
 * then said only "not on the bus (taken by a daemon that deletes what it reads?)" and to wait again
 * with --receiver, which could never find it (a review of 2026-12-07). It now says where such an
 * answer lands: the sender's inbox, named when the sender is known (send --wait, the MCP wait of a
 * message the server sent).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('a request a HelloWorld HEAD runtime took (deleted) before the wait ran out', () => {
  it("send --wait names the sender's inbox, where such a runtime answers; wait says the sender's inbox", async () => {
    const bus = makeBusWithRuntimes();
    const gemini = receiverPaths(bus.root, 'gemini');
    // What HEAD's receive() does: the message read is deleted from the inbox.
    const taker = setInterval(() => {
      const names = existsSync(gemini.inbox) ? readdirSync(gemini.inbox) : [];
      for (const f of names) rmSync(join(gemini.inbox, f), { force: true });
    }, 50);
    try {
      const r = await dispatch(bus.root, ['send', '@gemini', 'a question', '--from', '@human', '--wait', '1']);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        "not on the bus: a daemon that deletes what it reads took it (HelloWorld's own runtimes do: the current ones answer with a new message into the sender's inbox, which 'dispatch inbox @human' lists; the older ones into their outbox, where a wait finds it)",
      );
      const id = /msg-([0-9a-f-]{36})/.exec(r.stderr)![1]!;
      const w = await dispatch(bus.root, ['wait', id, '--receiver', '@gemini', '--timeout', '0.2']);
      expect(w.stderr).toContain("answer with a new message into the sender's inbox, which 'dispatch inbox' of the name it was sent from lists;");
    } finally {
      clearInterval(taker);
    }
  });
});
