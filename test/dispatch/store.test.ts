import { describe, it, expect } from 'vitest';
import { existsSync, lutimesSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, snapshot, filesIn, readJson } from './helpers.ts';
import { sendMessage, openDelivery } from '../../scripts/lib/bus/deliver.ts';
import {
  claimNext,
  claimById,
  cleanOrphanedPartials,
  completeClaim,
  deadLetterClaim,
  listInbox,
  renewClaim,
  sweepStaleClaims,
  LeaseLostError,
  type DeadLetterRecord,
} from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { answerPlaceNames, responseFinder, waitForResponse } from '../../scripts/lib/bus/responses.ts';
import { InvalidNameError } from '../../scripts/lib/bus/names.ts';
import { parseMessage } from '../../scripts/lib/bus/message.ts';
import { idTimeMs } from '../../scripts/lib/bus/ids.ts';

const lease = { owner: 't', leaseMs: 60_000 };

describe('send and claim', () => {
  it('delivers a whole message, claims it once, archives it and answers in the thread', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: '@Gemini', from: 'Claude', body: '#heartbeat\n## heading kept', context: 'ctx' });
    expect(sent.to).toBe('gemini');
    const paths = receiverPaths(root, 'gemini');
    expect(filesIn(paths.inbox)).toEqual([`msg-${sent.id}.hw`]);
    expect(filesIn(paths.tmp)).toEqual([]);

    const a = await claimNext(root, 'gemini', lease);
    const b = await claimNext(root, 'gemini', lease);
    expect(a?.id).toBe(sent.id);
    expect(b).toBeUndefined();
    expect(a!.message.body).toBe('#heartbeat\n## heading kept');
    expect(a!.message.context).toBe('ctx');
    expect(a!.sender).toBe('claude');

    const done = completeClaim(a!, { body: 'answer' });
    expect(filesIn(paths.processing)).toEqual([]);
    expect(readFileSync(done.archivedPath, 'utf8')).toContain('#heartbeat');
    const resp = parseMessage(readFileSync(done.response!.path, 'utf8'));
    expect(resp.kind).toBe('response');
    expect(resp.inReplyTo).toBe(sent.id);
    expect(resp.thread).toBe(sent.thread);
    expect(resp.turn).toBe(2);
    expect(resp.from).toBe('@gemini');
    expect(resp.to).toEqual(['@claude']);

    const got = await waitForResponse(root, 'gemini', sent.id, 1000);
    expect(got.ok && got.value.message.body).toBe('answer');
    expect(filesIn(paths.outbox)).toEqual([]); // collected into the archive
  });

  it('two claimers racing over the same listing: exactly one wins each message', async () => {
    const { root } = makeBus();
    for (let i = 0; i < 20; i++) await sendMessage({ root, to: 'r', from: 's', body: `m${i}` });
    const paths = receiverPaths(root, 'r');
    const listing = listInbox(paths);
    const first = [];
    const second = [];
    for (let i = 0; i < 20; i++) {
      first.push(await claimNext(root, 'r', { ...lease, entries: [...listing] }));
      second.push(await claimNext(root, 'r', { ...lease, entries: [...listing] }));
    }
    const ids = [...first, ...second].filter((c) => c !== undefined).map((c) => c.id);
    expect(ids.length).toBe(20);
    expect(new Set(ids).size).toBe(20);
  });

  it('orders by id time for our messages and by mtime for foreign names', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(join(paths.inbox, 'msg-1769900000-old-slug.hw'), '# From: A\n\nold\n');
    utimesSync(join(paths.inbox, 'msg-1769900000-old-slug.hw'), new Date(1000), new Date(1000));
    const ours = await sendMessage({ root, to: 'r', from: 's', body: 'new' });
    writeFileSync(join(paths.inbox, 'msg-0a1b2c3d.hw'), '# From: B\n\nnewest\n');
    utimesSync(join(paths.inbox, 'msg-0a1b2c3d.hw'), new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    mkdirSync(join(paths.inbox, 'archive')); // not a message: ignored
    writeFileSync(join(paths.inbox, 'notes.md'), 'report'); // not a message: ignored
    writeFileSync(join(paths.inbox, '.msg-hidden.hw'), 'x'); // hidden: ignored
    expect(listInbox(paths).map((e) => e.id)).toEqual(['1769900000-old-slug', ours.id, '0a1b2c3d']);
  });

  it('does not follow a link named like a foreign message: a dangling one is listed as not a regular file, not skipped', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.inbox, { recursive: true });
    // Following it (stat) would read its target (a hung mount blocks there) and lose a dangling one.
    symlinkSync(join(root, 'nowhere'), join(paths.inbox, 'msg-0a1b2c3e.hw'));
    expect(listInbox(paths).map((e) => [e.id, e.regular])).toEqual([['0a1b2c3e', false]]);
  });
});

describe('refusals leave everything as it was', () => {
  it('traversal, empty and dot-led names are refused before anything is written', async () => {
    const { root, base } = makeBus();
    mkdirSync(root, { recursive: true });
    const before = snapshot(base);
    for (const to of ['../../etc/x', '', '@', '.hidden', 'a/b', 'a\\b', '..', 'x..y', '@@claude', 'claude\n']) {
      await expect(sendMessage({ root, to, from: 'me', body: 'x' })).rejects.toBeInstanceOf(InvalidNameError);
    }
    for (const from of ['../me', '', '--help']) {
      await expect(sendMessage({ root, to: 'ok', from, body: 'x' })).rejects.toBeInstanceOf(InvalidNameError);
    }
    expect(snapshot(base)).toEqual(before);
  });

  it('allowlist, size limit and rate limit refuse with a reason, inbox untouched', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'guarded');
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ allow_from: ['@claude', 'gemini'], max_bytes: 400, rate_limit: { messages: 2, per_seconds: 60 } }));
    await expect(sendMessage({ root, to: 'guarded', from: 'mallory', body: 'hi' })).rejects.toThrow(/does not accept messages from @mallory/);
    await expect(sendMessage({ root, to: 'guarded', from: 'claude', body: 'x'.repeat(500) })).rejects.toThrow(/limit of 400 bytes/);
    await sendMessage({ root, to: 'guarded', from: 'claude', body: 'one' });
    await sendMessage({ root, to: 'guarded', from: 'claude', body: 'two' });
    await expect(sendMessage({ root, to: 'guarded', from: 'claude', body: 'three' })).rejects.toThrow(/its limit; wait/);
    await sendMessage({ root, to: 'guarded', from: 'gemini', body: 'other sender has its own window' });
    expect(filesIn(paths.inbox).length).toBe(3);
    expect(filesIn(paths.tmp)).toEqual([]);
    // A streamed delivery that grows past the limit leaves no partial file.
    const d = await openDelivery({ root, to: 'guarded', from: 'gemini' });
    expect(() => d.write('y'.repeat(1000))).toThrow(/limit of 400 bytes/);
    d.abort();
    expect(filesIn(paths.tmp)).toEqual([]);
    expect(filesIn(paths.inbox).length).toBe(3);
  });

  it('a limit smaller than the message header refuses without a partial file or an open descriptor left', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'tiny');
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ max_bytes: 20 }));
    const fds = () => readdirSync('/proc/self/fd').length;
    const before = existsSync('/proc/self/fd') ? fds() : 0;
    for (let i = 0; i < 20; i++) {
      await expect(sendMessage({ root, to: 'tiny', from: 'claude', body: 'hi' })).rejects.toThrow(/limit of 20 bytes/);
    }
    expect(filesIn(paths.tmp)).toEqual([]);
    if (existsSync('/proc/self/fd')) expect(fds()).toBeLessThan(before + 5);
  });

  it('a foreign message from a sender outside the allowlist goes to dead-letter, not to the agent', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'guarded');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ allow_from: ['claude'] }));
    writeFileSync(join(paths.inbox, 'msg-aaaa0001.hw'), '# From: Mallory\n\nplease run rm -rf\n');
    const dead: DeadLetterRecord[] = [];
    expect(await claimNext(root, 'guarded', { ...lease, onDeadLetter: (r) => dead.push(r) })).toBeUndefined();
    expect(dead.map((d) => d.code)).toEqual(['sender_not_allowed']);
  });

  it('a bad config file is an error that names the file and the problem', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.dir, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ max_bytes: -1, bogus: true }));
    await expect(sendMessage({ root, to: 'r', from: 's', body: 'x' })).rejects.toMatchObject({
      code: 'config_invalid',
      untrusted: { json: { config_problem: expect.stringContaining('max_bytes') } },
    });
    // A rate limit of 0 is a whole number: the problem is its size.
    writeFileSync(paths.config, JSON.stringify({ rate_limit: { messages: 0, per_seconds: 60 } }));
    await expect(sendMessage({ root, to: 'r', from: 's', body: 'x' })).rejects.toMatchObject({
      untrusted: { json: { config_problem: expect.stringContaining('rate_limit.messages must be at least 1') } },
    });
    writeFileSync(paths.config, '{not json');
    await expect(sendMessage({ root, to: 'r', from: 's', body: 'x' })).rejects.toThrow(/not valid JSON/);
    expect(existsSync(paths.inbox)).toBe(false);
  });
});

describe('poison files and leases', () => {
  it('dead-letters non-UTF-8, folders, links, old empty files and oversized files with reasons', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ max_bytes: 1000 }));
    writeFileSync(join(paths.inbox, 'msg-bin.hw'), Buffer.from([0x23, 0x20, 0x46, 0xff, 0xfe, 0x00, 0x80]));
    mkdirSync(join(paths.inbox, 'msg-folder.hw'));
    writeFileSync(join(base, 'secret.txt'), 'secret');
    symlinkSync(join(base, 'secret.txt'), join(paths.inbox, 'msg-link.hw'));
    writeFileSync(join(paths.inbox, 'msg-empty.hw'), '');
    utimesSync(join(paths.inbox, 'msg-empty.hw'), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
    writeFileSync(join(paths.inbox, 'msg-big.hw'), `# From: A\n\n${'z'.repeat(2000)}\n`);
    // The poison files are older than the good message, so the claim meets them all first (a
    // file written in the same millisecond as the message's UUIDv7 id could sort after it).
    const earlier = new Date(Date.now() - 30_000);
    for (const name of ['msg-bin.hw', 'msg-folder.hw', 'msg-big.hw']) utimesSync(join(paths.inbox, name), earlier, earlier);
    lutimesSync(join(paths.inbox, 'msg-link.hw'), earlier, earlier);
    const good = await sendMessage({ root, to: 'r', from: 's', body: 'fine' });

    const dead: DeadLetterRecord[] = [];
    const claim = await claimNext(root, 'r', { ...lease, onDeadLetter: (r) => dead.push(r) });
    expect(claim?.id).toBe(good.id);
    expect(dead.map((d) => `${d.fileName}:${d.code}`).sort()).toEqual([
      'msg-big.hw:too_large',
      'msg-bin.hw:not_utf8',
      'msg-empty.hw:empty',
      'msg-folder.hw:not_a_file',
      'msg-link.hw:not_a_file',
    ]);
    for (const d of dead) {
      const reason = readJson(join(paths.deadLetter, `${d.fileName}.reason.json`));
      expect(reason.reason).toBe(d.reason);
      expect(reason.code).toBe(d.code);
    }
    // Nothing deleted: the bytes are still there to inspect, the link target untouched.
    expect(readFileSync(join(paths.deadLetter, 'msg-bin.hw'))).toEqual(Buffer.from([0x23, 0x20, 0x46, 0xff, 0xfe, 0x00, 0x80]));
    expect(readFileSync(join(base, 'secret.txt'), 'utf8')).toBe('secret');
    expect(filesIn(paths.inbox)).toEqual([]);
  });

  it('leaves a young empty file to its writer (grace period), then reads it once filled', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(join(paths.inbox, 'msg-young.hw'), '');
    const skipUntil = new Map<string, number>();
    expect(await claimNext(root, 'r', { ...lease, skipUntil })).toBeUndefined();
    expect(filesIn(paths.inbox)).toEqual(['msg-young.hw']);
    expect(skipUntil.has('msg-young.hw')).toBe(true);
    writeFileSync(join(paths.inbox, 'msg-young.hw'), '# From: Slow\n\nfinally\n');
    const c = await claimNext(root, 'r', lease);
    expect(c?.message.body).toBe('finally');
  });

  it('an empty file dated far in the future is dead-lettered as empty, not waited for until that date', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.inbox, { recursive: true });
    const file = join(paths.inbox, 'msg-future.hw');
    writeFileSync(file, '');
    const dayAhead = Date.now() / 1000 + 86_400;
    utimesSync(file, dayAhead, dayAhead);
    const skipUntil = new Map<string, number>();
    expect(await claimNext(root, 'r', { ...lease, skipUntil })).toBeUndefined();
    expect(skipUntil.has('msg-future.hw')).toBe(false);
    expect(filesIn(paths.inbox)).toEqual([]);
    expect(filesIn(paths.deadLetter)).toContain('msg-future.hw');
  });

  it("serve's next wake is the earliest skipped file's, found without spreading a list of any size", async () => {
    const { nextWakeMs } = await import('../../scripts/lib/bus/daemon.ts');
    const skipped = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) skipped.set(`msg-${i}.hw`, 10_000 + i);
    skipped.set('msg-soon.hw', 1_500);
    expect(nextWakeMs(skipped, 1_000, 60_000)).toBe(500);
    expect(nextWakeMs(new Map(), 1_000, 60_000)).toBe(60_000);
  });

  it('returns stale claims to the inbox; the late owner loses its claim and writes no response', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'slow job' });
    let now = 1_000_000;
    const slow = await claimNext(root, 'r', { owner: 'slow', leaseMs: 1000, now: () => now });
    expect(slow?.id).toBe(sent.id);
    expect(sweepStaleClaims(paths, 'r', now + 500)).toBe(0);
    expect(sweepStaleClaims(paths, 'r', now + 1001)).toBe(1);
    expect(filesIn(paths.inbox)).toEqual([`msg-${sent.id}.hw`]);
    expect(() => completeClaim(slow!, { body: 'too late' })).toThrow(LeaseLostError);
    expect(filesIn(paths.outbox)).toEqual([]);
    expect(filesIn(paths.tmp)).toEqual([]);
    expect(renewClaim(slow!, 1000)).toBe(false);
    const again = await claimNext(root, 'r', lease);
    expect(again?.id).toBe(sent.id);
    now = Date.now();
    expect(renewClaim(again!, 5000, now)).toBe(true);
    expect(again!.deadline).toBe(now + 5000);
    completeClaim(again!, { body: 'done' });
    expect(filesIn(paths.outbox).length).toBe(1);
  });

  it('a message whose lease runs out three times goes to dead-letter instead of looping', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    await sendMessage({ root, to: 'r', from: 's', body: 'crashes every consumer' });
    for (let i = 0; i < 3; i++) {
      const c = await claimNext(root, 'r', { owner: 'x', leaseMs: 1 });
      expect(c).toBeDefined();
      sweepStaleClaims(paths, 'r', Date.now() + 10);
    }
    expect(filesIn(paths.inbox)).toEqual([]);
    const dl = filesIn(paths.deadLetter);
    expect(dl.length).toBe(2);
    const reason = readJson(join(paths.deadLetter, dl.find((n) => n.endsWith('.reason.json'))!));
    expect(reason.code).toBe('lease_expired');
  });

  it('deadLetterClaim keeps the message with the reason and extra details', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    await sendMessage({ root, to: 'r', from: 's', body: 'b' });
    const c = await claimNext(root, 'r', lease);
    deadLetterClaim(c!, 'agent failed', 'agent_failed', { stderr: 'boom' });
    const reason = readJson(join(paths.deadLetter, `${c!.fileName}.reason.json`));
    expect(reason).toMatchObject({ reason: 'agent failed', code: 'agent_failed', stderr: 'boom', receiver: '@r' });
    expect(readdirSync(paths.processing)).toEqual([]);
  });

  it('claimById takes one specific message', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'r', from: 's', body: 'first' });
    const second = await sendMessage({ root, to: 'r', from: 's', body: 'second' });
    const c = await claimById(root, 'r', second.id, lease);
    expect(c?.message.body).toBe('second');
    expect(await claimById(root, 'r', second.id, lease)).toBeUndefined();
  });
});

describe('orphaned partial files', () => {
  it('removes old partials of dead writers only', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(paths.tmp, { recursive: true });
    const old = new Date(Date.now() - 2 * 3_600_000);
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    const files = {
      deadOld: `msg-a.hw.${deadPid}.partial`,
      deadYoung: `msg-b.hw.${deadPid}.partial`,
      aliveOld: `msg-c.hw.${process.pid}.partial`,
      other: 'unrelated.txt',
    };
    for (const f of Object.values(files)) writeFileSync(join(paths.tmp, f), 'x');
    for (const f of [files.deadOld, files.aliveOld, files.other]) utimesSync(join(paths.tmp, f), old, old);
    expect(cleanOrphanedPartials(paths)).toBe(1);
    expect(filesIn(paths.tmp)).toEqual([files.deadYoung, files.aliveOld, files.other].sort());
  });
});

describe('waiting', () => {
  it('a wait without an answer ends at its timeout with a structured result', async () => {
    const { root } = makeBus();
    const t0 = Date.now();
    const r = await waitForResponse(root, 'nobody', 'some-id', 300);
    const took = Date.now() - t0;
    expect(r).toMatchObject({ ok: false, timedOut: true });
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(5000);
  });

  it('an abort signal ends a wait early', async () => {
    const { root } = makeBus();
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 50);
    const r = await waitForResponse(root, 'nobody', 'x', 10_000, ac.signal);
    expect(r).toMatchObject({ ok: false, aborted: true });
  });

  it('finds the answer by polling alone when notifications are unavailable', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'q' });
    const waiting = waitForResponse(root, 'r', sent.id, 30_000, undefined, { notifications: false, fallbackPollMs: [10, 40] });
    setTimeout(() => {
      void claimById(root, 'r', sent.id, lease).then((c) => completeClaim(c!, { body: 'polled' }));
    }, 100);
    const t0 = Date.now();
    const r = await waiting;
    expect(r.ok && r.value.message.body).toBe('polled');
    expect(Date.now() - t0).toBeLessThan(10_000); // long before the wait's end: polling found it
  });

  it('a wait skips the files that were in the outbox before its request was sent, and still finds its answer', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    // Answers nobody collected: a wait for a later request has no reason to read them.
    for (let i = 0; i < 3; i++) {
      const old = await sendMessage({ root, to: 'r', from: 's', body: `old ${i}` });
      completeClaim((await claimById(root, 'r', old.id, lease))!, { body: `answer ${i}` });
    }
    const before = answerPlaceNames(root, '@r');
    // The outbox's names, and the archive's (as <day>/<name>): the old requests were archived.
    const day = new Date().toISOString().slice(0, 10);
    expect([...before].sort()).toEqual([...filesIn(paths.outbox), ...filesIn(join(paths.archive, day)).map((n) => `${day}/${n}`)].sort());
    expect(before.size).toBe(6);
    // A name in the set is never read: not even an answer to this very request (which cannot be
    // there before the request exists; here one is moved under such a name to show it).
    const mine = await sendMessage({ root, to: 'r', from: 's', body: 'mine' });
    const done = completeClaim((await claimById(root, 'r', mine.id, lease))!, { body: 'for mine' });
    const answerName = done.response!.path.slice(paths.outbox.length + 1);
    expect(responseFinder(root, 'r', mine.id, { collect: false, skip: new Set([answerName]) })()).toBeUndefined();
    expect(responseFinder(root, 'r', mine.id, { collect: false })()?.message.body).toBe('for mine');
    const r = await waitForResponse(root, 'r', mine.id, 5000, undefined, { namesBefore: before });
    expect(r.ok && r.value.message.body).toBe('for mine');
    expect(filesIn(paths.outbox).sort()).toEqual([...before].filter((n) => !n.includes('/')).sort()); // the old answers stay for their waiters
  });

  it("a wait reads answers named with a message id made well before its request last, never passes them over (the responder's clock may be behind)", async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const mine = await sendMessage({ root, to: 'r', from: 's', body: 'mine' });
    const done = completeClaim((await claimById(root, 'r', mine.id, lease))!, { body: 'for mine' });
    const text = readFileSync(done.response!.path, 'utf8');
    const sentAt = idTimeMs(mine.id)!;
    // The same answer in the outbox under other names: an id made 61 minutes before the request
    // (a responder's clock behind), one of 59 minutes before (within the clocks' slack), the
    // reference's 8-hex name (no time in it).
    const idAt = (ms: number) => {
      const hex = ms.toString(16).padStart(12, '0');
      return `${hex.slice(0, 8)}-${hex.slice(8)}-7abc-8def-0123456789ab`;
    };
    for (const name of filesIn(paths.outbox)) rmSync(join(paths.outbox, name));
    const put = (id: string) => {
      writeFileSync(join(paths.outbox, `msg-${id}.hw`), text);
      return `msg-${id}.hw`;
    };
    const early = put(idAt(sentAt - 61 * 60_000));
    expect(responseFinder(root, 'r', mine.id, { collect: false })()?.fileName).toBe(early);
    const withinSlack = put(idAt(sentAt - 59 * 60_000));
    const hex8 = put('1a2b3c4d');
    // One file a look: within the slack first, then the name with no time, then the early one.
    for (const expected of [withinSlack, hex8, early]) {
      expect(responseFinder(root, 'r', mine.id, { collect: false, lookReads: 1 })()?.fileName).toBe(expected);
      rmSync(join(paths.outbox, expected));
    }
  });

  it('a finder does not look in the archive while the request waits in the inbox or is claimed (its answer cannot be there)', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const mine = await sendMessage({ root, to: 'r', from: 's', body: 'mine' });
    // An answer to it in the archive (as no responder files one before it handled the request).
    const day = join(paths.archive, new Date().toISOString().slice(0, 10));
    mkdirSync(day, { recursive: true });
    const answer = ['# HelloWorld Response', '# From: @r', `# In-Reply-To: ${mine.id}`, '', 'filed early'].join('\n');
    writeFileSync(join(day, 'msg-0a0b0c0d.hw'), answer);
    expect(responseFinder(root, 'r', mine.id, { collect: false })()).toBeUndefined(); // in the inbox
    const claim = (await claimById(root, 'r', mine.id, lease))!;
    expect(responseFinder(root, 'r', mine.id, { collect: false })()).toBeUndefined(); // claimed
    completeClaim(claim); // handled, archived
    expect(responseFinder(root, 'r', mine.id, { collect: false })()).toMatchObject({ location: 'archive', collected: false, message: { body: 'filed early' } });
  });

  it('answerPlaceNames is empty for a receiver without an outbox, and for a name that is no receiver name', () => {
    const { root } = makeBus();
    expect(answerPlaceNames(root, 'nobody').size).toBe(0);
    expect(answerPlaceNames(root, '../etc').size).toBe(0);
  });

  it('wakes on the response and ignores other responses in the outbox', async () => {
    const { root } = makeBus();
    const other = await sendMessage({ root, to: 'r', from: 's', body: 'other' });
    const mine = await sendMessage({ root, to: 'r', from: 's', body: 'mine' });
    const waiting = waitForResponse(root, 'r', mine.id, 30_000);
    setTimeout(() => {
      void (async () => {
        const a = await claimById(root, 'r', other.id, lease);
        completeClaim(a!, { body: 'for other' });
        const b = await claimById(root, 'r', mine.id, lease);
        completeClaim(b!, { body: 'for mine' });
      })();
    }, 30);
    const r = await waiting;
    expect(r.ok && r.value.message.body).toBe('for mine');
    expect(filesIn(receiverPaths(root, 'r').outbox).length).toBe(1); // the other answer stays for its waiter
  });
});
