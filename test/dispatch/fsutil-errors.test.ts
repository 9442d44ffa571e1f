/**
 * Failures of the bus's file operations name the files as the user knows them: the bus works
 * through /proc/self/fd/N/<name> on Linux, and such a path in an error says nothing to anyone.
 */
import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { writeBusJsonAtomic } from '../../scripts/lib/bus/fsutil.ts';
import { runCaptured } from '../../scripts/lib/cli/command.ts';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected a failure');
}

describe('bus file errors name real paths', () => {
  it('a folder standing where a bus file is written: the error names that file, not /proc/self/fd', () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(join(paths.daemon, 'planted'), { recursive: true });
    const message = messageOf(() => writeBusJsonAtomic(root, paths.daemon, { pid: 1 }));
    expect(message).not.toContain('/proc/self/fd');
    expect(message).toContain(paths.daemon);
  });

  it('dispatch send under a rate limit whose window file is a folder says which file', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    mkdirSync(join(paths.rate, 's.json', 'planted'), { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ rate_limit: { messages: 5, per_seconds: 60 } }));
    await expect(sendMessage({ root, to: 'r', from: 's', body: 'hi' })).rejects.toThrow(join(paths.rate, 's.json'));
    const r = await runCaptured(dispatchGroup, ['send', '@r', 'hi', '--from', '@s', '--root', root]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toContain('/proc/self/fd');
    expect(r.stderr).toContain(join(paths.rate, 's.json'));
  });
});

describe('rate-limit lock', () => {
  it('a folder planted where the lock file goes is named as the problem, not reported as a busy lock to retry', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const lock = join(paths.rate, 's.lock');
    mkdirSync(join(lock, 'planted'), { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ rate_limit: { messages: 5, per_seconds: 60 } }));
    const err = await sendMessage({ root, to: 'r', from: 's', body: 'hi' }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain(lock);
    expect(err?.message).not.toMatch(/try again/);
    expect(err?.message).toMatch(/not a (regular )?file/);
  });

  // A lock dated ahead of the clock (a peer's clock an hour fast on a synced bus, or any bus writer
  // touching it) never looked stale: every send from that sender waited 5 s and failed busy, for as
  // long as the date was ahead (review 2026-12-06). Its age is now how long ago it was seen dated so.
  it('a lock dated ahead of the clock is taken over once stale, not waited on until that date', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'r');
    const lock = join(paths.rate, 's.lock');
    mkdirSync(paths.rate, { recursive: true });
    writeFileSync(lock, '');
    const ahead = new Date(Date.now() + 24 * 3600_000);
    utimesSync(lock, ahead, ahead);
    writeFileSync(paths.config, JSON.stringify({ rate_limit: { messages: 5, per_seconds: 60 } }));
    const sent = await sendMessage({ root, to: 'r', from: 's', body: 'hi' });
    expect(existsSync(join(paths.inbox, `msg-${sent.id}.hw`))).toBe(true);
    expect(existsSync(lock)).toBe(false);
  }, 20_000);
});
