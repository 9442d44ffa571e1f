/**
 * Machines sharing a synced bus folder do not share a clock. A daemon whose clock is ahead files a
 * request it handled near midnight (UTC) under tomorrow's archive day; a sender whose clock was
 * ahead made an id dated after the day a correct clock archives it. A lookup of the id looked only
 * at days from the id's (less an hour) to today's (plus an hour), so such a request was lost:
 * `show` said it was a thread id, `thread` listed only its answer, `wait` (and the MCP tool) said
 * not_found at once where it had said handled (review 2026-12-06, F2). A lookup now looks at the
 * days from two before the id's to two after today's: clocks up to two days apart.
 */
import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { idTimeMs, messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const DAY_MS = 24 * 3600_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const connect = mcpToolCallers();

/** A request to @claude, claimed and answered (archived), or only archived; then moved to the day `to` gives. */
async function archivedRequest(answered: boolean, to: (idMs: number) => string) {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'me', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  const file = messageFileName(sent.id);
  if (answered) {
    expect((await dispatch(root, ['claim', '@claude', sent.id])).status).toBe(0);
    expect((await dispatch(root, ['reply', sent.id, 'done', '--as', '@claude'])).status).toBe(0);
  } else {
    mkdirSync(join(paths.archive, dayOf(Date.now())), { recursive: true });
    renameSync(join(paths.inbox, file), join(paths.archive, dayOf(Date.now()), file));
  }
  const [from] = readdirSync(paths.archive).filter((d) => readdirSync(join(paths.archive, d)).includes(file));
  const day = to(idTimeMs(sent.id)!);
  mkdirSync(join(paths.archive, day), { recursive: true });
  renameSync(join(paths.archive, from!, file), join(paths.archive, day, file));
  return { root, id: sent.id };
}

const tomorrow = () => dayOf(Date.now() + DAY_MS);
const dayBeforeId = (idMs: number) => dayOf(idMs - DAY_MS);

describe('a request archived under a day of a clock ahead or behind', () => {
  for (const [name, to] of [
    ["tomorrow's day (the archiving daemon's clock ahead)", tomorrow],
    ["the day before the id's (the sender's clock ahead)", dayBeforeId],
  ] as const) {
    it(`${name}: show and thread find it`, async () => {
      const { root, id } = await archivedRequest(true, to);
      const shown = await dispatch(root, ['show', id, '--json']);
      expect(shown.stderr).toBe('');
      const messages = (JSON.parse(shown.stdout) as { messages: { location: string }[] }).messages;
      expect(messages.map((m) => m.location)).toEqual(['archive']);
      const thread = await dispatch(root, ['thread', id, '--json']);
      expect(thread.status).toBe(0);
      expect(thread.stdout).toContain(`"${id}"`);
      expect((JSON.parse(thread.stdout) as { messages: unknown[] }).messages).toHaveLength(2);
    });
  }

  it("unanswered in tomorrow's day: wait says what it says of it in today's", async () => {
    const today = await archivedRequest(false, () => dayOf(Date.now()));
    const ahead = await archivedRequest(false, tomorrow);
    const said = async (root: string, id: string) => {
      const r = await dispatch(root, ['wait', id, '--timeout', '2', '--json']);
      return JSON.parse(r.stdout) as Record<string, unknown>;
    };
    const expected = await said(today.root, today.id);
    expect(JSON.stringify(expected)).not.toContain('not_found');
    const got = await said(ahead.root, ahead.id);
    expect(JSON.stringify(got)).not.toContain('not_found');
    const what = (r: Record<string, unknown>) => [r.status, (r.error as { code?: string } | undefined)?.code];
    expect(what(got)).toEqual(what(expected));
    expect(what(got)).toEqual([undefined, 'no_answer']);
  });

  it("unanswered in tomorrow's day: the MCP wait tool (the SDK's client) finds it", async () => {
    const ahead = await archivedRequest(false, tomorrow);
    const call = await connect(ahead.root, 'me');
    const tool = await call('wait', { id: ahead.id, timeout_s: 2 });
    expect(tool.isError).not.toBe(true);
    expect(tool.structuredContent).toMatchObject({ status: 'closed', request: { location: 'archive', state: 'handled' } });
  });

  it('a copy three days after today is still not looked into (the window is bounded)', async () => {
    const { root, id } = await archivedRequest(true, () => dayOf(Date.now() + 3 * DAY_MS));
    const shown = await dispatch(root, ['show', id, '--json']);
    expect(shown.status).toBe(1);
    // The hint looks where the lookup looks: it does not call the id another receiver's.
    expect(shown.stderr).not.toContain("another receiver's");
  });
});
