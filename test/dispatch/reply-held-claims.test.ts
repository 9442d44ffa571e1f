/**
 * A reply and the claims others hold. Two replies to one message at once: the loser was told
 * `lease_lost` ("it went back to the inbox; it will be handled again"), though the winner had
 * answered it. A reply took over, without a word, the claim of a running daemon (whose paid answer
 * was then dropped, its log saying "it will be handled again") or of another MCP session (every MCP
 * claim had the owner `mcp`). A reply that failed still used up a turn of its thread.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, realpathSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { dispatch, filesIn, makeBus, makeBusWithRuntimes, snapshot } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, processOwner } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { turnsAnswered } from '../../scripts/lib/bus/threads.ts';
import { fs } from '../../scripts/lib/fs/node-fs.ts';

const connect = mcpToolCallers();

/** Whether a rename moves a claimed request into the archive (the bus renames through /proc/self/fd/N/name). */
function intoArchive(from: string, to: string): boolean {
  try {
    return basename(realpathSync(dirname(from))) === 'processing' && basename(dirname(realpathSync(dirname(to)))) === 'archive';
  } catch {
    return false;
  }
}

/**
 * Runs `fn` with `before(from, to)` called before each rename of this process that moves a
 * claimed request into the archive (node:fs's renameSync, which fsutil.ts imports, swapped).
 */
async function beforeArchiving<T>(before: (rename: typeof fs.renameSync, from: string, to: string) => void, fn: () => Promise<T>): Promise<T> {
  const real = fs.renameSync;
  fs.renameSync = ((from: string, to: string) => {
    if (typeof from === 'string' && typeof to === 'string' && intoArchive(from, to)) before(real, from, to);
    return real(from, to);
  }) as typeof real;
  syncBuiltinESMExports();
  try {
    return await fn();
  } finally {
    fs.renameSync = real;
    syncBuiltinESMExports();
  }
}

/** Another answer wins the race: right before this process archives the request, it is archived (as a reply of another process does). */
function anotherAnswersFirst<T>(fn: () => Promise<T>): Promise<T> {
  return beforeArchiving((rename, from, to) => rename(from, to), fn);
}

describe('two replies to one message at once', () => {
  it('the one that loses is told the message was already answered (not_found), as a second reply is; its turn is not counted', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'review this' });
    const r = await anotherAnswersFirst(() => dispatch(root, ['reply', sent.id, 'my answer', '--as', '@codex', '--json']));
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string } };
    // Was lease_lost: "the claim … ran out and it went back to the inbox; it will be handled again".
    expect(out.error.code).toBe('not_found');
    expect(out.error.message).toBe(`cannot reply to ${sent.id}: it was already answered (it is in the archive)`);
    const paths = receiverPaths(root, 'codex');
    expect(readdirSync(paths.outbox)).toEqual([]);
    // The turn the failed reply recorded is taken back: the thread's budget is as it was.
    expect(turnsAnswered(paths, sent.thread)).toBe(0);
  });

  it('two MCP sessions replying at once: one answers, the other is told it was already answered', async () => {
    const { root } = makeBusWithRuntimes();
    const a = await connect(root, '@codex');
    const b = await connect(root, '@codex');
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'race' });
    const [ra, rb] = await Promise.all([a('reply', { id: sent.id, body: 'A' }), b('reply', { id: sent.id, body: 'B' })]);
    const results = [ra, rb];
    expect(results.filter((r) => r.isError !== true)).toHaveLength(1);
    const lost = results.find((r) => r.isError === true)!;
    expect(lost.structuredContent).toMatchObject({ error: { code: 'not_found' } });
    expect(lost.content[0]!.text).toContain('it was already answered (it is in the archive)');
    expect(readdirSync(receiverPaths(root, 'codex').outbox)).toHaveLength(1);
  });
});

describe('a reply to a message another live holder has claimed', () => {
  it("another MCP session's claim: refused (busy), naming the session and what to do; the claim stays that session's, which answers it", async () => {
    const { root } = makeBusWithRuntimes();
    const a = await connect(root, '@codex');
    const b = await connect(root, '@codex');
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'mine' });
    const claimed = await a('claim', { receiver: 'codex', id: sent.id });
    expect(claimed.isError).not.toBe(true);
    const before = snapshot(root);
    const r = await b('reply', { id: sent.id, body: 'B answer' });
    // Was ok: B's answer went out and A's later reply was refused.
    expect(r.isError).toBe(true);
    expect(r.structuredContent).toMatchObject({ error: { code: 'busy' }, holder: { kind: 'session', pid: process.pid } });
    expect(r.content[0]!.text).toMatch(
      new RegExp(
        `^error: cannot reply to ${sent.id}: another MCP session \\(the dispatch mcp server with pid ${process.pid}\\) claimed it to answer it; wait for its answer .*; nothing was changed$`,
      ),
    );
    expect(snapshot(root)).toEqual(before);
    const own = await a('reply', { id: sent.id, body: 'A answer' });
    expect(own.isError).not.toBe(true);
  });

  it("a live daemon's claim: dispatch reply refuses (busy), naming its pid; nothing changes", async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'served' });
    // This process stands for the daemon: alive, of this machine.
    await claimById(root, 'codex', sent.id, { owner: processOwner('p'), leaseMs: 60_000 });
    const before = snapshot(root);
    const r = await dispatch(root, ['reply', sent.id, 'by hand', '--as', '@codex']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `cannot reply to ${sent.id}: the daemon serving @codex (pid ${process.pid}) claimed it and its agent is answering it; wait for its answer with 'dispatch wait ${sent.id}'`,
    );
    expect(snapshot(root)).toEqual(before);
  });

  it("a gone daemon's claim, and one by hand (dispatch claim), are still answered by a reply", async () => {
    const { root } = makeBus();
    const gone = await sendMessage({ root, to: 'codex', from: 'human', body: 'one' });
    const hand = await sendMessage({ root, to: 'codex', from: 'human', body: 'two' });
    await claimById(root, 'codex', gone.id, { owner: 'p999999999', leaseMs: 60_000 });
    expect((await dispatch(root, ['claim', '@codex', hand.id])).status).toBe(0);
    for (const id of [gone.id, hand.id]) {
      const r = await dispatch(root, ['reply', id, 'answered', '--as', '@codex']);
      expect(r.status, r.stderr).toBe(0);
    }
  });
});

describe('a daemon whose claim was answered by someone else meanwhile', () => {
  it('logs that it was answered and its agent’s answer not stored, not "it will be handled again"; its turn is taken back', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'slow one' });
    const paths = receiverPaths(root, 'codex');
    const day = new Date().toISOString().slice(0, 10);
    // The agent stands for an answer by hand while it runs: it moves the request into the archive.
    const agent = `mkdir -p '${join(paths.archive, day)}' && mv '${paths.processing}'/msg-${sent.id}.hw.claim-* '${join(paths.archive, day)}/msg-${sent.id}.hw' && echo late`;
    const r = await dispatch(root, ['serve', '@codex', '--agent', agent, '--once']);
    expect(r.stdout).toContain(`lost the claim on msg-${sent.id}: someone else answered it meanwhile`);
    expect(r.stdout).not.toContain('it will be handled again');
    expect(turnsAnswered(paths, sent.thread)).toBe(0);
  });
});

describe('a reply whose answer cannot be stored', () => {
  it('leaves the message in the inbox, as it was, and uses up no turn of its thread', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    const paths = receiverPaths(root, 'codex');
    // The move into the archive fails (a disk error): the answer is not stored.
    const r = await beforeArchiving(
      () => {
        throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
      },
      () => dispatch(root, ['reply', sent.id, 'the answer', '--as', '@codex']),
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('EIO');
    expect(filesIn(paths.inbox)).toEqual([`msg-${sent.id}.hw`]);
    expect(filesIn(paths.processing)).toEqual([]);
    expect(filesIn(paths.outbox)).toEqual([]);
    expect(turnsAnswered(paths, sent.thread)).toBe(0);
    expect((await dispatch(root, ['reply', sent.id, 'the answer', '--as', '@codex'])).status).toBe(0);
  });
});
