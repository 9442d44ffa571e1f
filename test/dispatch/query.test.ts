import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readFileSync, existsSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, filesIn, readJson, dispatch } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimNext, completeClaim, deadLetterClaim, sweepStaleClaims } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import {
  claimMessage,
  fileTimeIso,
  findAnswer,
  findMessage,
  listDeadLetters,
  listThread,
  retryDeadLetter,
  waitForAnswer,
} from '../../scripts/lib/bus/query.ts';
import { messageJson } from '../../scripts/lib/bus/commands/common.ts';
import { threadTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { AliveError } from '../../scripts/lib/errors.ts';

const lease = { owner: 't', leaseMs: 60_000 };

/** A Thread-era HelloWorld response (agent_daemon.py at e7684c3): no In-Reply-To, no final newline. */
function threadEraResponse(from: string, thread: string, body: string): string {
  const ts = new Date().toISOString().replace('Z', '000Z'); // utcnow().isoformat() + 'Z': microseconds
  return ['# HelloWorld Response', `# From: ${from}`, `# Thread: ${thread}`, `# Timestamp: ${ts}`, '', body].join('\n');
}

describe('findMessage: one id, wherever it is, with its state', () => {
  it('follows a request from inbox to processing to archive, and its answer from outbox to archive', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hello there', context: 'ctx' });
    let [m] = findMessage(root, sent.id);
    expect(m).toMatchObject({ id: sent.id, receiver: 'gemini', location: 'inbox', state: 'waiting', kind: 'request', claim: null, deadLetter: null });
    expect(m!.untrusted).toMatchObject({ from: '@claude', body: 'hello there', context: 'ctx', thread: sent.id });

    const claim = (await claimNext(root, 'gemini', lease))!;
    [m] = findMessage(root, `msg-${sent.id}.hw`);
    expect(m).toMatchObject({ location: 'processing', state: 'claimed', claim: { owner: 't', expired: false } });

    const done = completeClaim(claim, { body: 'the answer' });
    [m] = findMessage(root, sent.id);
    expect(m).toMatchObject({ location: 'archive', state: 'handled' });
    const answerId = done.response!.id;
    expect(findMessage(root, answerId)[0]).toMatchObject({ location: 'outbox', state: 'answer-waiting', kind: 'response' });
    expect(findAnswer(root, sent.id)).toMatchObject({ id: answerId, location: 'outbox' });

    const waited = await waitForAnswer(root, sent.id, { timeoutMs: 1000 });
    expect(waited.status).toBe('answered');
    if (waited.status !== 'answered') return;
    expect(waited.collected).toBe(true);
    expect(waited.answer.untrusted!.body).toBe('the answer');
    expect(findMessage(root, answerId)[0]).toMatchObject({ location: 'archive', state: 'answer-collected' });
    // A later wait finds the answer collected before, without waiting.
    const again = await waitForAnswer(root, sent.id, { timeoutMs: 1 });
    expect(again).toMatchObject({ status: 'answered', collected: false, answer: { id: answerId } });
  });

  it('reports a dead letter with its reason and the agent output kept apart as untrusted', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'x' });
    const claim = (await claimNext(root, 'r', lease))!;
    deadLetterClaim(claim, 'the agent failed', 'agent_failed', { stdout: 'Not logged in', stderr: '' });
    const [m] = findMessage(root, sent.id);
    expect(m).toMatchObject({ location: 'dead-letter', state: 'dead-lettered' });
    expect(m!.deadLetter).toMatchObject({ code: 'agent_failed', reason: 'the agent failed', untrustedAgentOutput: { stdoutTail: 'Not logged in' } });
  });

  it('an unknown id is an empty result; a malformed id is refused', () => {
    const { root } = makeBus();
    expect(findMessage(root, 'no-such-id')).toEqual([]);
    for (const bad of ['../x', 'a/b', 'x\u001b[2J', '', 'a.b']) {
      expect(() => findMessage(root, bad), bad).toThrow(AliveError);
    }
  });
});

describe('waitForAnswer', () => {
  it('wakes on an answer written later, and on a Thread-era answer that has no In-Reply-To', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    const outbox = receiverPaths(root, 'codex').outbox;
    mkdirSync(outbox, { recursive: true });
    // Other answers in the outbox are left alone.
    writeFileSync(join(outbox, 'msg-0badc0de.hw'), threadEraResponse('Codex', 'another-thread', 'not yours'));
    const pending = waitForAnswer(root, sent.id, { timeoutMs: 10_000 });
    setTimeout(() => writeFileSync(join(outbox, 'msg-1a2b3c4d.hw'), threadEraResponse('Codex', sent.id, 'Codex responds:\n\nyes')), 50);
    const r = await pending;
    expect(r.status).toBe('answered');
    if (r.status === 'answered') {
      expect(r.answer).toMatchObject({ id: '1a2b3c4d', receiver: 'codex' });
      expect(r.answer.untrusted!.body).toBe('Codex responds:\n\nyes');
    }
    expect(filesIn(outbox)).toEqual(['msg-0badc0de.hw']);
  });

  it('a follow-up request of the same thread is not taken for the answer', async () => {
    const { root } = makeBus();
    const first = await sendMessage({ root, to: 'codex', from: 'human', body: 'q1' });
    await sendMessage({ root, to: 'codex', from: 'human', body: 'q2', thread: first.id, turn: 2 });
    const c1 = (await claimNext(root, 'codex', lease))!;
    completeClaim(c1); // archived without an answer
    const c2 = (await claimNext(root, 'codex', lease))!;
    completeClaim(c2);
    expect(findAnswer(root, first.id)).toBeUndefined();
    expect((await waitForAnswer(root, first.id, { timeoutMs: 50 })).status).toBe('timed-out');
  });

  it('ends at once when the request is dead-lettered; times out saying where the request is; aborts', async () => {
    const { root } = makeBus();
    const a = await sendMessage({ root, to: 'r', from: 's', body: 'a' });
    const timed = await waitForAnswer(root, a.id, { timeoutMs: 100 });
    expect(timed).toMatchObject({ status: 'timed-out', request: { location: 'inbox', state: 'waiting' } });

    const controller = new AbortController();
    const pending = waitForAnswer(root, a.id, { timeoutMs: 30_000, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    expect((await pending).status).toBe('aborted');

    const dl = waitForAnswer(root, a.id, { timeoutMs: 30_000 });
    const claim = (await claimNext(root, 'r', lease))!;
    deadLetterClaim(claim, 'over budget', 'turn_budget');
    const r = await dl;
    expect(r).toMatchObject({ status: 'dead-lettered', deadLetter: { code: 'turn_budget', reason: 'over budget' } });
  });

  it('a request id that is nowhere is not_found', async () => {
    const { root } = makeBus();
    await expect(waitForAnswer(root, 'nothing-here', { timeoutMs: 10 })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a FIFO named like a message in the outbox never blocks the wait', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'a' });
    const outbox = receiverPaths(root, 'r').outbox;
    mkdirSync(outbox, { recursive: true });
    expect(spawnSync('mkfifo', [join(outbox, 'msg-fifo.hw')]).status).toBe(0);
    const t0 = Date.now();
    const r = await waitForAnswer(root, sent.id, { timeoutMs: 300 });
    expect(r.status).toBe('timed-out');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(findMessage(root, 'fifo')[0]).toMatchObject({ location: 'outbox', untrusted: undefined });
  });
});

describe('listThread', () => {
  it('lists every message and answer of a thread in order, from a thread id or any message id', async () => {
    const { root } = makeBus();
    const q1 = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'one', thread: 'th-1' });
    const c1 = (await claimNext(root, 'gemini', lease))!;
    const a1 = completeClaim(c1, { body: 'two' }).response!;
    const q2 = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'three', thread: 'th-1', turn: 3 });
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'elsewhere', thread: 'th-2' });
    await new Promise((r) => setTimeout(r, 5)); // the Thread-era writer's timestamp comes later
    // A Thread-era answer in the same thread.
    writeFileSync(join(receiverPaths(root, 'gemini').outbox, 'msg-feedf00d.hw'), threadEraResponse('Gemini', 'th-1', 'four'));
    for (const key of ['th-1', q1.id, a1.id]) {
      const t = listThread(root, key);
      expect(t.untrustedThread).toBe('th-1');
      expect(
        t.messages.map((m) => m.untrusted!.body),
        key,
      ).toEqual(['one', 'two', 'three', 'four']);
      expect(t.messages.map((m) => m.id)).toEqual([q1.id, a1.id, q2.id, 'feedf00d']);
    }
  });
});

describe('claimMessage', () => {
  it('claims a chosen message, not only the oldest; says where a message is when it is not waiting', async () => {
    const { root } = makeBus();
    const a = await sendMessage({ root, to: 'claude', from: 'x', body: 'older' });
    const b = await sendMessage({ root, to: 'claude', from: 'x', body: 'newer' });
    const r = await claimMessage(root, '@claude', { id: b.id });
    expect(r.claimed).toBe(true);
    if (r.claimed) {
      expect(r.message).toMatchObject({ id: b.id, receiver: 'claude' });
      expect(r.message.untrusted.body).toBe('newer');
    }
    // Claimed by hand before: taken over (claim-by-hand-left.test.ts); once answered, not waiting, and where it is said.
    const again = await claimMessage(root, 'claude', { id: b.id });
    expect(again).toMatchObject({ claimed: true, tookOver: { owner: 'hand' } });
    if (again.claimed) completeClaim(again.message.claim);
    expect(await claimMessage(root, 'claude', { id: b.id })).toMatchObject({ claimed: false, where: [{ location: 'archive', state: 'handled' }] });
    const oldest = await claimMessage(root, 'claude');
    expect(oldest.claimed && oldest.message.id).toBe(a.id);
    expect(await claimMessage(root, 'claude')).toMatchObject({ claimed: false, where: [] });
  });
});

describe('dead letters', () => {
  it('lists them with reasons and retries one back into the inbox, under a fresh id when its name is taken', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const a = await sendMessage({ root, to: 'r', from: 's', body: 'a' });
    deadLetterClaim((await claimNext(root, 'r', lease))!, 'first reason', 'agent_failed');
    const list = listDeadLetters(root, '@r');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: a.id, deadLetter: { code: 'agent_failed', reason: 'first reason' } });

    const back = retryDeadLetter(root, a.id);
    expect(back).toMatchObject({ id: a.id, previousId: null, receiver: 'r' });
    expect(filesIn(paths.inbox)).toEqual([`msg-${a.id}.hw`]);
    expect(filesIn(paths.deadLetter)).toEqual([]);
    expect(() => retryDeadLetter(root, a.id)).toThrow(/not in dead-letter \(it is in inbox of its receiver; 'dispatch show \S+' shows where\)/);

    // Dead-letter it again, then put a same-named file in the inbox: the retry takes a fresh id.
    deadLetterClaim((await claimNext(root, 'r', lease))!, 'second', 'agent_failed');
    writeFileSync(join(paths.inbox, `msg-${a.id}.hw`), '# From: s\n\nsame name\n');
    const renamed = retryDeadLetter(root, a.id);
    expect(renamed.previousId).toBe(a.id);
    expect(renamed.id).not.toBe(a.id);
    expect(filesIn(paths.inbox).sort()).toEqual([`msg-${a.id}.hw`, `msg-${renamed.id}.hw`].sort());
  });
});

describe('strict message ids', () => {
  it('a file whose name is not a valid id is dead-lettered under a fresh name with a reason; its name never shows raw', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    const hostile = 'msg-\u001b]0;pwned\u0007\u202eevil.hw';
    writeFileSync(join(paths.inbox, hostile), '# From: x\n\nbody\n');
    writeFileSync(join(paths.inbox, 'msg-fine.hw'), '# From: x\n\nfine\n');
    const r = await claimMessage(root, 'claude');
    expect(r.claimed && r.message.id).toBe('fine');
    expect(r.deadLettered).toHaveLength(1);
    expect(r.deadLettered[0]!.code).toBe('bad_id');
    const [dead] = listDeadLetters(root, 'claude');
    expect(dead!.id).toMatch(/^[0-9a-f-]{36}$/);
    const reason = readJson(join(paths.deadLetter, `msg-${dead!.id}.hw.reason.json`));
    expect(reason.original_name).toBe('msg-\\x1b]0;pwned\\x07\\u{202e}evil.hw');
    expect(JSON.stringify(reason)).not.toMatch(/[\u001b\u202e]/);
  });
});

describe('stale claims returned to the inbox', () => {
  it('a name already taken in the inbox sends the stale claim to dead-letter (never msg-X.hw.1)', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'original' });
    const claim = (await claimNext(root, 'r', { owner: 't', leaseMs: 1 }))!;
    writeFileSync(join(paths.inbox, claim.fileName), '# From: s\n\nsame name, other file\n');
    expect(sweepStaleClaims(paths, 'r', Date.now() + 10)).toBe(0);
    expect(filesIn(paths.inbox)).toEqual([claim.fileName]);
    expect(readFileSync(join(paths.inbox, claim.fileName), 'utf8')).toContain('other file');
    expect(filesIn(paths.processing)).toEqual([]);
    const [dead] = listDeadLetters(root, 'r');
    expect(dead!.deadLetter!.code).toBe('duplicate_id');
    expect(dead!.untrusted!.body).toBe('original');
    expect(dead!.id).toBe(sent.id);
    expect(existsSync(join(paths.inbox, `${claim.fileName}.1`))).toBe(false);
  });
});

describe('a request taken by a daemon that deletes what it reads (HelloWorld’s own)', () => {
  it('wait finds the answer without knowing the receiver; without one it says to name the receiver', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const paths = receiverPaths(root, 'gemini');
    rmSync(sent.path); // read and deleted, as agent_daemon.py does
    await expect(waitForAnswer(root, sent.id, { timeoutMs: 10 })).rejects.toThrow(/--receiver @NAME/);
    expect((await waitForAnswer(root, sent.id, { timeoutMs: 50, responder: 'gemini' })).status).toBe('timed-out');
    mkdirSync(paths.outbox, { recursive: true });
    const answer = join(paths.outbox, 'msg-9f8e7d6c.hw');
    writeFileSync(answer, threadEraResponse('Gemini', sent.id, 'Gemini responds:\n\nok'));
    const past = new Date(Date.now() - 5000); // older than the settle time of in-place writers
    utimesSync(answer, past, past);
    const r = await waitForAnswer(root, sent.id, { timeoutMs: 1000 });
    expect(r).toMatchObject({ status: 'answered', request: undefined, answer: { id: '9f8e7d6c', receiver: 'gemini' } });
  });
});

describe('a huge message file planted on the bus', () => {
  it('is described as too large, never read whole into memory (show, thread and wait read through findMessage)', async () => {
    const { truncateSync } = await import('node:fs');
    const { MESSAGE_READ_LIMIT } = await import('../../scripts/lib/bus/fsutil.ts');
    const { root } = makeBus();
    const paths = receiverPaths(root, 'claude');
    mkdirSync(paths.inbox, { recursive: true });
    const file = join(paths.inbox, 'msg-huge-1.hw');
    writeFileSync(file, '# HelloWorld Message\n# From: @gemini\n# To: @claude\n\n');
    truncateSync(file, MESSAGE_READ_LIMIT + 1); // sparse: costs no disk
    const [m] = findMessage(root, 'huge-1');
    expect(m).toMatchObject({ location: 'inbox' });
    expect(m!.untrusted).toBeFalsy();
    expect(m!.problem).toMatch(/larger than the limit/);
  });
});

describe('a file time past what a Date holds', () => {
  // touch -d @9000000000000 on tmpfs or btrfs: 9e15 ms, beyond the 8.64e15 ms a Date holds.
  const FAR = 9_000_000_000_000;

  it('is an unknown time (null), never a crash: show, thread and the MCP thread tool', async () => {
    const { root } = makeBus();
    const inbox = receiverPaths(root, 'claude').inbox;
    mkdirSync(inbox, { recursive: true });
    const file = join(inbox, 'msg-t1.hw');
    writeFileSync(file, '# HelloWorld Message\n# From: @bob\n# Thread: TT\n\nhello\n');
    try {
      utimesSync(file, FAR, FAR);
    } catch {
      // a file system that refuses the time: the direct checks below still run
    }
    for (const args of [
      ['thread', 'TT', '--json'],
      ['show', 't1', '--json'],
    ]) {
      const r = await dispatch(root, args);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.status).toBe(0);
      const time = JSON.parse(r.stdout).messages[0].time;
      expect(time === null || !Number.isNaN(Date.parse(time))).toBe(true);
    }
    expect(threadTool({ root, as: 'human' }, { id: 'TT' }).count).toBe(1);
    // Whatever the file system kept, the far time itself goes through the same code.
    const [m] = findMessage(root, 't1');
    expect(messageJson({ ...m!, timeMs: FAR * 1000 }).time).toBeNull();
  });

  it('one helper: not finite, before the epoch or past year 9999 (no day the bus names: layout.ts isBusTime) is null', () => {
    for (const ms of [FAR * 1000, -FAR * 1000, 8.64e15, 8.64e15 + 1, Date.UTC(10000, 0, 1), -1, Number.NaN, Number.POSITIVE_INFINITY, 0])
      expect(fileTimeIso(ms), String(ms)).toBeNull();
    expect(fileTimeIso(Date.UTC(2026, 0, 2))).toBe('2026-01-02T00:00:00.000Z');
  });

  it('a time later than the clocks of the bus can be apart (2 days) is none: a planted id dated year 8511 was shown as its time (a review of 2026-12-08)', () => {
    const now = Date.UTC(2026, 11, 8);
    expect(fileTimeIso(Date.UTC(8511, 0, 12), now)).toBeNull();
    expect(fileTimeIso(Date.UTC(9999, 11, 31, 23, 59, 59, 999), now)).toBeNull();
    expect(fileTimeIso(now + 3 * 24 * 3600_000, now)).toBeNull();
    expect(fileTimeIso(now + 24 * 3600_000, now)).toBe('2026-12-09T00:00:00.000Z');
  });
});
