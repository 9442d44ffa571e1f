/**
 * The inbox's order (dispatch inbox, claim with no id, serve, the MCP inbox and claim) is the time
 * a UUIDv7 file name carries, else the file's mtime, then the name: the order helloworld-bus.md
 * asks for ("order messages by id or Timestamp, with mtime only as a tie-break"). A bus writer
 * who names a file with an id dated earlier is listed, and claimed, before older mail.
 *
 * Kept on purpose (review of 2026-12-06), and documented here:
 * - every other key is the writer's too: the mtime (HelloWorld's reference orders by it) is set
 *   with utimes as easily as an id is chosen, and so is a Timestamp header;
 * - the one key a writer cannot set, the change time of the rename into inbox/, is also renewed
 *   by the bus's own renames: a claim returned by the stale sweep or taken back from a gone
 *   holder, and a dead letter retried, would each go to the back of the queue, where their id
 *   keeps their place;
 * - ordering guards nothing: whoever can put a file in inbox/ can remove or rename the others.
 */
import { mkdirSync, readdirSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimNext, sweepStaleClaims } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';

const request = (from: string) => `# HelloWorld Message\n# From: ${from}\n# To: @claude\n\na question\n`;

describe("the inbox's order with ids a bus writer chose", () => {
  it('a file named with an earlier-dated UUIDv7 id, written last, is listed and claimed first', async () => {
    const { root } = makeBus();
    const first = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'sent first' });
    const early = newMessageId(Date.parse('2020-01-01T00:00:00Z'));
    const paths = receiverPaths(root, 'claude');
    writeFileSync(join(paths.inbox, messageFileName(early)), request('@codex'));
    const listed = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(listed.messages.map((m: { id: string }) => m.id)).toEqual([early, first.id]);
    const claimed = JSON.parse((await dispatch(root, ['claim', '@claude', '--json'])).stdout);
    expect(claimed).toMatchObject({ claimed: true, id: early });
  });

  it("a name without a date (the reference's 8-hex ids, slugs) goes by its mtime, not its name: the writer sets it as easily", async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    for (const [id, at] of [
      ['aaaa1111', '2026-01-02T00:00:00Z'],
      ['ffff0000', '2026-01-01T00:00:00Z'],
    ] as const) {
      const file = join(paths.inbox, messageFileName(id));
      writeFileSync(file, request('@gemini'));
      utimesSync(file, new Date(at), new Date(at));
    }
    const listed = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(listed.messages.map((m: { id: string }) => m.id)).toEqual(['ffff0000', 'aaaa1111']);
  });

  it('a claim returned by the stale sweep keeps its place before newer mail (an arrival order would send it to the back)', async () => {
    const { root } = makeBus();
    const older = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'older' });
    const claim = await claimNext(root, 'claude', { owner: 'hand', leaseMs: 1 });
    expect(claim?.id).toBe(older.id);
    const newer = await sendMessage({ root, to: 'claude', from: 'gemini', body: 'newer' });
    const paths = receiverPaths(root, 'claude');
    expect(sweepStaleClaims(paths, 'claude', Date.now() + 60_000)).toBe(1);
    expect(readdirSync(paths.inbox).sort()).toEqual([messageFileName(older.id), messageFileName(newer.id)].sort());
    const listed = JSON.parse((await dispatch(root, ['inbox', '@claude', '--json'])).stdout);
    expect(listed.messages.map((m: { id: string }) => m.id)).toEqual([older.id, newer.id]);
    // Renamed in last of all (its change time the newest), it is still first by its id.
    renameSync(join(paths.inbox, messageFileName(older.id)), join(paths.inbox, 'moved'));
    renameSync(join(paths.inbox, 'moved'), join(paths.inbox, messageFileName(older.id)));
    expect((await claimNext(root, 'claude', { owner: 'hand', leaseMs: 60_000 }))?.id).toBe(older.id);
  });
});
