/**
 * imported.json, receive's record in the relay folder of what it imported into any world: how
 * much it keeps, and what it does without a relay folder or with a record it cannot read.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPORTED_OTHERS_KEPT, readImportedLog, recordImported, type ImportedRecord } from '../../scripts/lib/relay/imported-log.ts';
import { RECEIVED_KEPT } from '../../scripts/lib/relay/local-inbox.ts';
import { countPulledUnreceived } from '../../scripts/lib/relay/pulled-unreceived.ts';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { makeUser, tempDir } from './helpers.ts';
import { run, walnutPackage } from './in-process.ts';

let t: ReturnType<typeof tempDir>;
let relay: string;
beforeEach(() => {
  t = tempDir('imported-log');
  relay = join(t.dir, 'alive', 'relay');
});
afterEach(() => t.cleanup());

const hex = (n: number) => n.toString(16).padStart(64, '0');
const record = (n: number, more: Partial<ImportedRecord> = {}): ImportedRecord => ({
  source: join(t.dir, 'elsewhere', `${n}.walnut`),
  package_sha256: hex(n),
  world: join(t.dir, 'world'),
  at: new Date(1e12 + n * 1000).toISOString(),
  ...more,
});

it('writes nothing without a relay folder: nothing was pulled', () => {
  recordImported(relay, record(1));
  expect(existsSync(relay)).toBe(false);
});

it('keeps every import of a package pull saved that received.json lists, and the latest others up to IMPORTED_OTHERS_KEPT', () => {
  const folder = join(relay, 'inbox', 'alice');
  mkdirSync(folder, { recursive: true });
  // Two pulled packages: one received from its saved path, one from a copy (its identity).
  const saved = (n: number) => join(folder, `p${n}.walnut`);
  const log = {
    ['a'.repeat(40)]: { path: saved(1), at: 'x', from: 'alice', verified: true, identity: hex(9001) },
    ['b'.repeat(40)]: { path: saved(2), at: 'x', from: 'Alice', verified: true, identity: hex(9002) },
  };
  writeFileSync(join(relay, 'received.json'), JSON.stringify(log));
  for (const n of [1, 2]) writeFileSync(saved(n), 'x');
  expect(countPulledUnreceived(relay)?.packages).toBe(2);

  recordImported(relay, record(1, { source: saved(1), identity: hex(9001) }));
  recordImported(relay, record(2, { identity: hex(9002) }));
  expect(countPulledUnreceived(relay)?.packages).toBe(0);
  // Then more receives of packages from elsewhere than are kept (written as a record, and one more recorded).
  const others = Array.from({ length: IMPORTED_OTHERS_KEPT + 9 }, (_, i) => record(i + 3));
  writeFileSync(join(relay, 'imported.json'), JSON.stringify([...readImportedLog(join(relay, 'imported.json')), ...others]));
  recordImported(relay, record(IMPORTED_OTHERS_KEPT + 12));
  const kept = readImportedLog(join(relay, 'imported.json'));
  expect(kept).toHaveLength(IMPORTED_OTHERS_KEPT + 2);
  expect(kept.slice(0, 2).map((r) => r.package_sha256)).toEqual([hex(1), hex(2)]);
  expect(kept.at(-1)!.package_sha256).toBe(hex(IMPORTED_OTHERS_KEPT + 12));
  expect(kept.some((r) => r.package_sha256 === hex(12))).toBe(false);
  expect(countPulledUnreceived(relay)?.packages).toBe(0);
  expect(statSync(join(relay, 'imported.json')).mode & 0o777).toBe(0o600);
});

it('keeps RECEIVED_KEPT imports of the packages saved in each inbox folder, as received.json keeps them', () => {
  mkdirSync(join(relay, 'inbox', 'alice'), { recursive: true });
  const log: Record<string, unknown> = {};
  const n = RECEIVED_KEPT + 3;
  for (let i = 0; i < n; i++)
    log[hex(i).slice(24)] = { path: join(relay, 'inbox', 'alice', `${i}.walnut`), at: 'x', from: 'alice', verified: true, identity: hex(i) };
  writeFileSync(join(relay, 'received.json'), JSON.stringify(log));
  const records = Array.from({ length: n }, (_, i) => record(i, { identity: hex(i) }));
  writeFileSync(join(relay, 'imported.json'), JSON.stringify(records.slice(0, -1)));
  recordImported(relay, records.at(-1)!);
  const kept = readImportedLog(join(relay, 'imported.json'));
  expect(kept).toHaveLength(RECEIVED_KEPT);
  expect(kept[0]!.identity).toBe(hex(3));
});

it('reads past fields it does not know, records the same import once, and keeps a record it cannot read, saying so', () => {
  mkdirSync(relay, { recursive: true });
  const path = join(relay, 'imported.json');
  writeFileSync(path, JSON.stringify([{ ...record(1), note: 'a later version', receipt: 'r1' }]));
  recordImported(relay, record(2));
  recordImported(relay, record(2, { at: 'later' }));
  const kept = JSON.parse(readFileSync(path, 'utf8'));
  expect(kept.map((r: ImportedRecord) => r.package_sha256)).toEqual([hex(1), hex(2)]);
  expect(kept[0].note).toBe('a later version');
  expect(kept[1].at).toBe('later');
  // A record of another shape (a later version's, say) is kept as it is, and so are the others:
  // before, one such record made the whole file read as empty and the next receive replaced it.
  const other = { source: 'x', package_sha256: hex(7), at: 'y', kind: 'a later version without world' };
  writeFileSync(path, JSON.stringify([other, ...kept]));
  recordImported(relay, record(3));
  expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual([other, ...kept, record(3)]);
  // A file it cannot read (broken, too large, no regular file) is left as it is: the receive says
  // the import was not recorded (the caller's note), and the user decides.
  for (const bad of ['[{"broken"', '{"not": "a list"}']) {
    writeFileSync(path, bad);
    expect(() => recordImported(relay, record(4))).toThrow(/receive record .*imported\.json/);
    expect(readFileSync(path, 'utf8')).toBe(bad);
  }
});

it('a receive records its import there; one it cannot record is done all the same, and says so', async () => {
  const carol = makeUser(t.dir, 'carol');
  const world = join(t.dir, 'world');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(carol.paths.dir, { recursive: true });
  const received = await run(carol, [await walnutPackage(carol, 'meadow'), '--world', world, '--json'], receiveCommand);
  expect(received.code, received.stderr).toBe(0);
  const [entry] = readImportedLog(join(carol.paths.dir, 'imported.json'));
  expect(entry).toMatchObject({ source: join(carol.root, 'meadow.walnut'), package_sha256: received.json.package_sha256, world });

  // A folder where the record goes: the import is in the world, and a warning says what was not recorded.
  mkdirSync(join(carol.paths.dir, 'imported.json.lock'));
  const again = await run(carol, [await walnutPackage(carol, 'orchard'), '--world', world], receiveCommand);
  expect(again.code, again.stderr).toBe(0);
  expect(existsSync(join(world, '03_Inbox', 'orchard'))).toBe(true);
  expect(again.stderr).toMatch(/the import is done, but it could not be recorded in .*imported\.json/);
});
