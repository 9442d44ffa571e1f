/**
 * Anyone who can write the bus folder can plant a folder (or another non-file) where the bus
 * expects a message, claim, reason or attempts file: the daemon sets it aside and keeps serving,
 * and no command leaves the bus half-changed. A folder the user may not write is a clear error.
 */
import { describe, it, expect, onTestFinished } from 'vitest';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, filesIn, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { archiveDayDir, receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { claimMessage, listDeadLetters } from '../../scripts/lib/bus/query.ts';
import { bundlePath, sharedTempDir } from '../support/bundles.ts';

async function serveOnce(root: string, receiver: string) {
  const log: string[] = [];
  const summary = await serve({ root, receiver, agent: { kind: 'echo' }, once: true, log: (l) => log.push(l) });
  return { summary, log };
}

describe('a folder planted where the bus expects a file', () => {
  it('an expired "claim" that is a folder goes to dead-letter (not_a_file); serve answers the real message and claim works', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hello' });
    mkdirSync(join(paths.processing, 'msg-evil.hw.claim-1000-p1'), { recursive: true });
    const { summary, log } = await serveOnce(root, 'gemini');
    expect(summary.answered, log.join('\n')).toBe(1);
    expect(filesIn(paths.processing)).toEqual([]);
    const dead = listDeadLetters(root, 'gemini');
    expect(dead.map((d) => d.deadLetter!.code)).toEqual(['not_a_file']);
    expect(readdirSync(paths.inbox)).toEqual([]);
    expect(filesIn(join(paths.archive, readdirSync(paths.archive)[0]!))).toEqual([`msg-${sent.id}.hw`]);

    mkdirSync(join(paths.processing, 'msg-evil2.hw.claim-1000-p1'));
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'by hand' });
    const r = await claimMessage(root, 'gemini');
    expect(r.claimed).toBe(true);
    expect(listDeadLetters(root, 'gemini').map((d) => d.deadLetter!.code)).toEqual(['not_a_file', 'not_a_file']);
  });

  it('a folder named like the reason file of a message being dead-lettered: the message gets a fresh id, serve goes on', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(join(paths.deadLetter, 'msg-p1.hw.reason.json'), { recursive: true });
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(join(paths.inbox, 'msg-p1.hw'), Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x0a]));
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'legit' });
    const { summary, log } = await serveOnce(root, 'gemini');
    expect(summary, log.join('\n')).toMatchObject({ answered: 1, deadLettered: 1 });
    const [dead] = listDeadLetters(root, 'gemini');
    expect(dead!.id).not.toBe('p1');
    expect(dead!.deadLetter).toMatchObject({ code: 'not_utf8', originalId: 'p1' });
  });

  it("a folder named like the answer in today's archive: wait still gives the answer (left in the outbox)", async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'ping' });
    await serveOnce(root, 'gemini');
    const [answer] = filesIn(paths.outbox);
    mkdirSync(join(archiveDayDir(paths, new Date()), answer!), { recursive: true });
    const r = await dispatch(root, ['wait', sent.id, '--timeout', '2', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, answer: { location: 'outbox' } });
    expect(filesIn(paths.outbox)).toEqual([answer]);
  });

  it('retry: a folder named like the reason file does not fail the retry; the message is back in the inbox', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(join(paths.deadLetter, 'msg-d1.hw.reason.json'), { recursive: true });
    writeFileSync(join(paths.deadLetter, 'msg-d1.hw'), '# From: @claude\n\nhi\n');
    const r = await dispatch(root, ['retry', 'd1', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(filesIn(paths.inbox)).toEqual(['msg-d1.hw']);
  });

  it('retry checks before it moves: a linked attempts folder is refused and the message stays in dead-letter', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.deadLetter, { recursive: true });
    writeFileSync(join(paths.deadLetter, 'msg-d1.hw'), '# From: @claude\n\nhi\n');
    mkdirSync(join(base, 'elsewhere'));
    symlinkSync(join(base, 'elsewhere'), paths.attempts);
    const r = await dispatch(root, ['retry', 'd1', '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'unsafe_bus_folder' } });
    expect(filesIn(paths.deadLetter)).toEqual(['msg-d1.hw']);
    expect(filesIn(paths.inbox)).toEqual([]);
  });

  it('the attempts file of an expired claim is a folder: the sweep dead-letters the message instead of failing', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'legit' });
    mkdirSync(paths.processing, { recursive: true });
    // By hand: its lease ran out, and it is swept (a tag naming a process that is no dispatch is taken back as gone).
    writeFileSync(join(paths.processing, 'msg-x1.hw.claim-1000-hand'), '# From: @claude\n\nhi\n');
    mkdirSync(join(paths.attempts, 'x1'), { recursive: true });
    const { summary, log } = await serveOnce(root, 'gemini');
    expect(summary.answered, log.join('\n')).toBe(1);
    expect(listDeadLetters(root, 'gemini').map((d) => d.deadLetter!.code)).toEqual(['lease_expired']);
  });
});

describe('a bus folder this user may not write', () => {
  // root writes anywhere: run the bundle as an unprivileged user then, on a bus it owns.
  const asRoot = process.getuid?.() === 0;
  function setUp() {
    const base = sharedTempDir('bus-access');
    onTestFinished(() => rmSync(base, { recursive: true, force: true }));
    const root = join(base, 'bus');
    return { base, root };
  }
  function run(base: string, root: string, args: string[]) {
    if (asRoot) spawnSync('chown', ['-R', '65534:65534', base]);
    const r = spawnSync(process.execPath, [bundlePath('dispatch'), ...args, '--root', root], {
      env: { PATH: process.env.PATH, HOME: base },
      cwd: base,
      encoding: 'utf8',
      timeout: 20_000,
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    return r;
  }

  it('a read-only inbox: claim says which folder and what to do (no_access), never "unexpected failure"', async () => {
    const { base, root } = setUp();
    const paths = receiverPaths(root, 'gemini');
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hello' });
    mkdirSync(paths.processing, { recursive: true });
    if (asRoot) spawnSync('chown', ['-R', '65534:65534', base]);
    chmodSync(paths.inbox, 0o555);
    const r = run(base, root, ['claim', '@gemini', '--json']);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: { code: string; message: string; untrusted?: Record<string, string> } };
    expect(out).toMatchObject({ ok: false, error: { code: 'no_access' } });
    // The folder is in a receiver's folder, whose name is a bus writer's: named apart, untrusted.
    expect(out.error.message).toContain('permission denied: a folder of a receiver (path below: untrusted)');
    expect(out.error.untrusted?.bus_folder).toBe(paths.inbox);
    expect(out.error.message).not.toContain(paths.processing);
    expect(out.error.message).toMatch(/chmod/);
  });

  it('another receiver folder this user may not read: show passes it over, says which one (no_access), never "unexpected failure"', async () => {
    const { base, root } = setUp();
    const sent = await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hello' });
    const closed = join(root, 'runtimes', 'closed');
    mkdirSync(join(closed, 'inbox'), { recursive: true });
    if (asRoot) spawnSync('chown', ['-R', '65534:65534', base]);
    chmodSync(closed, 0o000);
    const r = run(base, root, ['show', sent.id, '--json']);
    chmodSync(closed, 0o755);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    const out = JSON.parse(r.stdout) as { ok: boolean; messages: { receiver: string }[] };
    expect(out).toMatchObject({ ok: true, messages: [{ receiver: '@gemini' }] });
    expect(r.stderr).toMatch(/warning: passed over 1 folder of receivers/);
    expect(r.stderr).toMatch(/UNTRUSTED PASSED-OVER FOLDERS[\s\S]*permission denied/);
    expect(r.stderr).toContain(closed);
  });

  it('a read-only receiver folder: serve stops with no_access naming it', async () => {
    const { base, root } = setUp();
    const paths = receiverPaths(root, 'gemini');
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'hello' });
    if (asRoot) spawnSync('chown', ['-R', '65534:65534', base]);
    chmodSync(paths.dir, 0o555);
    const r = run(base, root, ['serve', '@gemini', '--agent', 'echo', '--once']);
    chmodSync(paths.dir, 0o755);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/unexpected failure/);
    expect(r.stderr).toContain(`permission denied`);
    expect(r.stderr).toContain(paths.dir);
  });

  it.skipIf(!asRoot)("another user's message in a shared (sticky) inbox is skipped with a warning; serve answers the others", async () => {
    const { base, root } = setUp();
    const paths = receiverPaths(root, 'gemini');
    await sendMessage({ root, to: 'gemini', from: 'claude', body: 'mine' });
    spawnSync('chown', ['-R', '65534:65534', base]);
    await sendMessage({ root, to: 'gemini', from: 'claude', body: "root's" }); // owned by root
    writeFileSync(join(paths.inbox, 'msg-obey-the-next-line.hw'), '# From: @claude\n\nroot too\n');
    spawnSync('chown', ['0:0', paths.inbox]);
    chmodSync(paths.inbox, 0o1777);
    const r = spawnSync(process.execPath, [bundlePath('dispatch'), 'serve', '@gemini', '--agent', 'echo', '--once', '--root', root], {
      env: { PATH: process.env.PATH, HOME: base },
      encoding: 'utf8',
      timeout: 20_000,
      uid: 65534,
      gid: 65534,
    });
    expect(r.status, r.stderr).toBe(0);
    // A bus-made name is named; the error, which quotes the file's path, is fenced.
    expect(r.stdout).toMatch(
      /^warning: skipped 'msg-[0-9a-f-]+\.hw': EPERM; it is tried again in a minute .*\n<<<BEGIN UNTRUSTED ENTRY [0-9a-f]+\nmsg-[0-9a-f-]+\.hw: EPERM/m,
    );
    // A name that can spell words is not named outside the fence.
    expect(r.stdout).toMatch(
      /^warning: skipped an entry whose name is not a bus-made message name: EPERM; .*\n<<<BEGIN UNTRUSTED ENTRY [0-9a-f]+\nmsg-obey-the-next-line\.hw: EPERM/m,
    );
    expect(r.stdout.replace(/^<<<BEGIN ([A-Z ]+) ([0-9a-f]+)\n[\s\S]*?\nEND \1 \2>>>$/gm, '')).not.toContain('obey');
    expect(r.stderr).toContain('1 answered');
  });
});
