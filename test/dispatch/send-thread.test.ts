/** send --thread: the next turn of a thread, a thread id typed short (scripts/lib/bus/send-thread.ts). */
import { describe, it, expect } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { makeBusWithRuntimes, liveServePid } from './helpers.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, completeClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { sendTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { Session } from '../../scripts/lib/bus/session.ts';
import { findMessage } from '../../scripts/lib/bus/query.ts';

const run = (root: string, ...args: string[]) => runCaptured(dispatchGroup, [...args, '--root', root]);

/** A request to @gemini, answered: a thread of one turn. */
async function answered(root: string) {
  const m = await sendMessage({ root, to: 'gemini', from: 'human', body: 'first' });
  const claim = (await claimById(root, 'gemini', m.id, { owner: 'hand', leaseMs: 60_000 }))!;
  const done = completeClaim(claim, { body: 'an answer' });
  return { id: m.id, thread: m.thread, answerId: done.response!.id };
}

describe('send --thread', () => {
  it("a follow-up is the receiver's next turn of the thread, not turn 1 again", async () => {
    const { root } = makeBusWithRuntimes();
    const t = await answered(root);
    const second = await run(root, 'send', '@gemini', 'second', '--thread', t.thread, '--json');
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ thread: t.thread, turn: 2 });
    const third = JSON.parse((await run(root, 'send', '@gemini', 'third', '--thread', t.thread, '--json')).stdout);
    expect(third.turn).toBe(3);
    // The Turn header the daemon puts in the agent's prompt ("turn N of at most …").
    expect(findMessage(root, third.id)[0]!.untrusted!.turn).toBe(3);
    // Another receiver's turns in the thread are its own: its budget counts per thread too.
    expect(JSON.parse((await run(root, 'send', '@codex', 'q', '--thread', t.thread, '--json')).stdout).turn).toBe(1);
    expect(second.stderr).not.toContain('thread');
  });

  it('a unique start of a thread id (8 hex digits or more) is that thread, said on stderr', async () => {
    const { root } = makeBusWithRuntimes();
    const t = await answered(root);
    const short = t.thread.slice(0, 28);
    const r = await run(root, 'send', '@gemini', 'more', '--thread', short, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ thread: t.thread, turn: 2 });
    expect(r.stderr.split('\n')[0]).toBe(`--thread ${short} is thread ${t.thread}`);
    const mcp = await sendTool({ root, as: 'claude' }, { to: 'gemini', body: 'again', thread: short });
    expect(mcp).toMatchObject({ thread: t.thread, turn: 3, note: `thread ${short} is thread ${t.thread}` });
  });

  it("the start of a message id that is no thread's: a new thread as typed, with a warning naming the message", async () => {
    const { root } = makeBusWithRuntimes();
    const t = await answered(root);
    const short = t.answerId.slice(0, 28);
    const r = await run(root, 'send', '@gemini', 'x', '--thread', short, '--json');
    expect(r.code, r.stderr).toBe(0);
    // Not an id the bus made (the start of one): given apart, as every thread that can be words.
    expect(JSON.parse(r.stdout)).toMatchObject({ thread: null, untrusted_thread: short, turn: 1 });
    expect(r.stderr).toContain(`warning: --thread ${short} names no thread on the bus, but message msg-${t.answerId} starts with it`);
  });

  it('the start of several threads is refused as ambiguous (exit 2), naming them', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'gemini', from: 'human', body: 'a', thread: '01a24811-d8f3-7000-8000-000000000001' });
    await sendMessage({ root, to: 'gemini', from: 'human', body: 'b', thread: '01a24811-d8f3-7000-8000-000000000002' });
    const r = await run(root, 'send', '@gemini', 'x', '--thread', '01a24811-d8f3', '--json');
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'ambiguous' });
    expect(readdirSync(receiverPaths(root, 'gemini').inbox)).toHaveLength(2); // nothing sent
  });

  it('a thread name nobody used, not like an id, starts that thread quietly', async () => {
    const { root } = makeBusWithRuntimes();
    const r = await run(root, 'send', '@gemini', 'x', '--thread', 'design-review', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ thread: null, untrusted_thread: 'design-review', turn: 1 });
    expect(r.stderr).not.toContain('thread');
  });
});

describe('repl lines', () => {
  it("are the receiver's turns 1, 2, … of the session's thread, and :new starts over", async () => {
    const { root } = makeBusWithRuntimes();
    const session = new Session({ root, from: 'human', waitMs: 1 });
    await session.line('@claude one');
    await session.line('@claude two');
    await session.line('@gemini three');
    await session.line(':new');
    await session.line('@claude four');
    const turns = (body: string) =>
      readdirSync(receiverPaths(root, body.startsWith('@gemini') ? 'gemini' : 'claude').inbox)
        .map((n) => findMessage(root, n)[0]!.untrusted!)
        .find((u) => u.body.startsWith(body))!.turn;
    expect([turns('@claude one'), turns('@claude two'), turns('@gemini three'), turns('@claude four')]).toEqual([1, 2, 1, 1]);
  });
});

describe('send without --wait to a receiver nobody serves', () => {
  it('says so on stderr, naming serve; not while a live daemon serves it', async () => {
    const { root } = makeBusWithRuntimes();
    const r = await run(root, 'send', '@gemini', 'hi');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("no daemon serves @gemini now: the message waits in its inbox until 'dispatch serve @gemini' runs or someone answers by hand\n");
    // A live daemon's record (this process stands for it).
    writeFileSync(receiverPaths(root, 'gemini').daemon, JSON.stringify({ pid: liveServePid('gemini', root), agent: 'echo' }));
    expect((await run(root, 'send', '@gemini', 'hi')).stderr).not.toContain('no daemon');
    // One that is gone serves nobody.
    writeFileSync(receiverPaths(root, 'gemini').daemon, JSON.stringify({ pid: 2 ** 22 + 1, agent: 'echo' }));
    expect((await run(root, 'send', '@gemini', 'hi')).stderr).toContain('no daemon serves @gemini now');
  });
});
