/**
 * What any bus writer can plant cheaply must not cost the readers much: sparse files of 63 MiB
 * in dead-letter/ (324 KB on disk for 80 of them) were each read whole by a listing, which ran
 * the MCP server (dead_letters), `dead-letter` and `retry --all` out of memory; copies of one id in
 * every archive day folder did the same to `show` and `wait`; and `retry --all` looked each dead
 * letter up again across every folder (quadratic in planted day folders).
 */
import { describe, it, expect } from 'vitest';
import { closeSync, mkdirSync, openSync, readdirSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimNext, deadLetterClaim } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName, newMessageId } from '../../scripts/lib/bus/ids.ts';
import { findMessage, listDeadLetters, retryAllDeadLetters } from '../../scripts/lib/bus/query.ts';

const MiB = 1024 * 1024;

/** A message file of `size` bytes, sparse past its headers (nothing written there: no disk used). */
function sparseMessage(path: string, id: string, size: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, `# HelloWorld Message\n# From: @x\n# To: @gemini\n# Message-Id: ${id}\n\nhello\n`);
  closeSync(fd);
  truncateSync(path, size);
}

describe('planted large files', () => {
  it('a dead letter is listed from its first bytes, its size said (partialOf)', () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.deadLetter, { recursive: true });
    for (let i = 0; i < 3; i++) {
      const id = newMessageId();
      sparseMessage(join(paths.deadLetter, messageFileName(id)), id, 63 * MiB);
    }
    const list = listDeadLetters(root, 'gemini');
    expect(list).toHaveLength(3);
    for (const m of list) {
      expect(m.partialOf).toBe(63 * MiB);
      expect(Buffer.byteLength(m.untrusted?.body ?? '')).toBeLessThanOrEqual(64 * 1024);
    }
  });

  it('copies of one id in many archive day folders: two read whole at most, the rest from their first bytes', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    // A slug id carries no date: every past archive day may hold it (a bus-made id's lookup looks
    // only at the days from its own on).
    const id = 'planted-slug-id';
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(join(paths.inbox, messageFileName(id)), '# HelloWorld Message\n# From: @x\n# To: @gemini\n\nhello\n');
    for (let d = 1; d <= 6; d++) {
      const day = join(paths.archive, `2020-01-0${d}`);
      mkdirSync(day, { recursive: true });
      sparseMessage(join(day, messageFileName(id)), id, 40 * MiB);
    }
    const found = findMessage(root, id);
    const archived = found.filter((m) => m.location === 'archive');
    expect(archived).toHaveLength(6);
    expect(archived.filter((m) => m.partialOf === undefined).length).toBeLessThanOrEqual(3);
    expect(found.find((m) => m.location === 'inbox')?.untrusted?.body).toBe('hello');
  });

  it('dispatch thread reads each message no further than it shows, and says so', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'hello' });
    truncateSync(join(receiverPaths(root, 'gemini').inbox, messageFileName(sent.id)), 20 * MiB);
    const r = await dispatch(root, ['thread', sent.id]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`(only the first bytes of this copy were read: its file holds ${20 * MiB} bytes)`);
  });

  it('retry --all moves each dead letter from the one listing, whatever day folders are planted', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    for (let d = 0; d < 3_000; d++) mkdirSync(join(paths.archive, `${String(1000 + d)}-01-01`), { recursive: true });
    const lease = { owner: 't', leaseMs: 60_000 };
    for (let i = 0; i < 60; i++) {
      await sendMessage({ root, to: 'gemini', from: 'human', body: `q${i}` });
      deadLetterClaim((await claimNext(root, 'gemini', lease))!, 'failed', 'agent_failed');
    }
    // A hang detector two orders of magnitude above the work (timing targets live in npm run bench):
    // looking each one up again took about 0.1 s a message with these folders.
    const start = Date.now();
    const r = retryAllDeadLetters(root, 'gemini');
    expect(Date.now() - start).toBeLessThan(3_000);
    expect(r.retried).toHaveLength(60);
    expect(readdirSync(paths.inbox)).toHaveLength(60);
  });
});
