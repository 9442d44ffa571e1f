import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { alreadyReceived, readReceivedLog, receivedIdentity, recordReceived, writeReceivedLog, type ReceivedLog } from '../../scripts/lib/relay/local-inbox.ts';
import { tempDir } from './helpers.ts';

const BLOB = 'a'.repeat(40);
const ID = 'b'.repeat(64);

describe('received.json: which blobs count as already received', () => {
  it('only a verified copy from the same sender folder (logins without case); entries without a sender never match', () => {
    const t = tempDir('received-log');
    try {
      const saved = join(t.dir, 'x.walnut');
      writeFileSync(saved, 'x');
      const log: ReceivedLog = {};
      recordReceived(log, BLOB, { path: saved, at: '2026-01-01T00:00:00Z', from: 'alice', verified: true, identity: ID });
      expect(alreadyReceived(log, BLOB, 'alice')).toBe(saved);
      expect(alreadyReceived(log, BLOB, 'Alice')).toBe(saved);
      expect(alreadyReceived(log, BLOB, 'a')).toBeUndefined();

      // An unverified copy of the same blob (another folder) never replaces the verified record.
      recordReceived(log, BLOB, { path: join(t.dir, 'a.walnut'), at: '2026-01-02T00:00:00Z', from: 'a', verified: false });
      expect(alreadyReceived(log, BLOB, 'alice')).toBe(saved);

      const unverified: ReceivedLog = {};
      recordReceived(unverified, BLOB, { path: saved, at: '2026-01-01T00:00:00Z', from: 'alice', verified: false });
      expect(alreadyReceived(unverified, BLOB, 'alice')).toBeUndefined();

      // A log written before senders were recorded.
      const path = join(t.dir, 'received.json');
      writeFileSync(path, JSON.stringify({ [BLOB]: { path: saved, at: '2026-01-01T00:00:00Z', identity: ID } }));
      expect(alreadyReceived(readReceivedLog(path), BLOB, 'alice')).toBeUndefined();

      writeReceivedLog(path, log);
      expect(readReceivedLog(path)[BLOB]).toMatchObject({ from: 'alice', verified: true, identity: ID });
    } finally {
      t.cleanup();
    }
  });

  it("a flood of other senders' packages, verified or not, never pushes a verified record out (the replay check keeps working)", () => {
    const t = tempDir('received-log-flood');
    try {
      const path = join(t.dir, 'received.json');
      const log: ReceivedLog = {};
      recordReceived(log, BLOB, { path: join(t.dir, 'bob.walnut'), at: '2026-01-01T00:00:00Z', from: 'bob', verified: true, identity: ID });
      // The saved copy is there (a record whose file is gone answers for nothing).
      writeFileSync(join(t.dir, 'bob.walnut'), '');
      const hex = (i: number, n: number) => i.toString(16).padStart(n, '0');
      // Later: junk under made-up sender folders (unverified), and a pinned peer's own tiny packages.
      for (let i = 0; i < 2500; i++) {
        recordReceived(log, `c${hex(i, 39)}`, { path: join(t.dir, `j${i}`), at: '2026-02-01T00:00:00Z', from: `s${i}`, verified: false });
        recordReceived(log, `d${hex(i, 39)}`, {
          path: join(t.dir, `m${i}`),
          at: '2026-03-01T00:00:00Z',
          from: 'mallory',
          verified: true,
          identity: `e${hex(i, 63)}`,
        });
      }
      writeReceivedLog(path, log);
      const read = readReceivedLog(path);
      expect(read[BLOB]).toMatchObject({ from: 'bob', verified: true, identity: ID });
      expect(receivedIdentity(read, { current: ID, legacy: 'f'.repeat(64), sealedTo: '' })).toBeDefined();
      // Still bounded: each kind and each sender keeps its latest entries.
      expect(Object.keys(read).length).toBeLessThanOrEqual(1 + 2000 + 2000);
      expect(read[`d${hex(2499, 39)}`]).toBeDefined();
    } finally {
      t.cleanup();
    }
  });
});
