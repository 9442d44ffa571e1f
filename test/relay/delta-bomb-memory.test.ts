/**
 * A peer's relay is any git server, and one that ignores --filter=blob:none sends whatever it
 * holds: a pack of a few KB whose one REF_DELTA blob expands to over 2 GiB made git's index-pack
 * take that much memory in `add-peer` (and in the session hook's probe). Every git reading a
 * relay's objects runs under an address-space limit: the fetch fails there, and the command
 * refuses the relay by name instead (`bad_relay`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { isolateProcessGit } from './git-env.ts';
import { git, gitIn, tempDir } from './helpers.ts';
import { asUser, relayUser, run, type RelayUser } from './in-process.ts';
import { probeWithinBudget } from '../../scripts/lib/relay/probe.ts';
import { LISTING_MEMORY_BYTES, setListingMemoryForTests } from '../../scripts/lib/relay/git-transport.ts';
import { testKeyPairOf } from '../support/test-keys.ts';

let base: ReturnType<typeof tempDir>;
let alice: RelayUser;
let bomb: string;

const sha = (type: string, body: Buffer) => createHash('sha1').update(`${type} ${body.length}\0`).update(body).digest();
const varint = (n: number) => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
};
const header = (type: number, size: number) => {
  const out: number[] = [];
  let b = (type << 4) | (size & 0x0f);
  size = Math.floor(size / 16);
  while (size) {
    out.push(b | 0x80);
    b = size & 0x7f;
    size = Math.floor(size / 128);
  }
  out.push(b);
  return Buffer.from(out);
};
const tree = (entries: Array<[string, string, Buffer]>) =>
  Buffer.concat(entries.map(([mode, name, id]) => Buffer.concat([Buffer.from(`${mode} ${name}\0`), id])));

/** A bare repository whose one pack (about 20 KB) holds a blob of 16 MiB of zeros and a delta that copies it `copies` times. */
function deltaBomb(repo: string, copies: number): void {
  const chunk = 0xffffff;
  const zeros = Buffer.alloc(chunk);
  const baseId = sha('blob', zeros);
  const size = chunk * copies;
  const h = createHash('sha1').update(`blob ${size}\0`);
  for (let i = 0; i < copies; i++) h.update(zeros);
  const deltaId = h.digest();
  const copy = Buffer.from([0xf0, 0xff, 0xff, 0xff]); // copy 0xffffff bytes from offset 0
  const delta = Buffer.concat([varint(chunk), varint(size), ...Array.from({ length: copies }, () => copy)]);
  const key = Buffer.from(testKeyPairOf('bob').publicKeyPem);
  const bobT = tree([
    ['100644', 'a-20260101-000000-00000000.walnut', baseId],
    ['100644', 'b-20260101-000000-00000000.walnut', deltaId],
  ]);
  const inboxT = tree([['40000', 'alice', sha('tree', bobT)]]);
  const keysT = tree([['100644', 'bob.pem', sha('blob', key)]]);
  const rootT = tree([
    ['40000', 'inbox', sha('tree', inboxT)],
    ['40000', 'keys', sha('tree', keysT)],
  ]);
  const commit = Buffer.from(`tree ${sha('tree', rootT).toString('hex')}\nauthor b <b@b> 1700000000 +0000\ncommitter b <b@b> 1700000000 +0000\n\nbomb\n`);
  const objects = [
    Buffer.concat([header(1, commit.length), deflateSync(commit)]),
    ...[rootT, inboxT, keysT, bobT].map((t) => Buffer.concat([header(2, t.length), deflateSync(t)])),
    Buffer.concat([header(3, key.length), deflateSync(key)]),
    Buffer.concat([header(3, zeros.length), deflateSync(zeros, { level: 9 })]),
    Buffer.concat([header(7, delta.length), baseId, deflateSync(delta, { level: 9 })]),
  ];
  const ids = [sha('commit', commit), ...[rootT, inboxT, keysT, bobT].map((t) => sha('tree', t)), sha('blob', key), baseId, deltaId];
  const head = Buffer.alloc(12);
  head.write('PACK');
  head.writeUInt32BE(2, 4);
  head.writeUInt32BE(objects.length, 8);
  const body = Buffer.concat([head, ...objects]);
  git(['init', '-q', '--bare', '--initial-branch=main', repo]);
  const pack = Buffer.concat([body, createHash('sha1').update(body).digest()]);
  // The pack's index is written here, as index-pack writes it: index-pack would expand the delta
  // (and hash its 320 MiB) to check it, a second of CPU for what the fetch below refuses to do.
  const name = `pack-${pack.subarray(-20).toString('hex')}`;
  writeFileSync(join(repo, 'objects', 'pack', `${name}.pack`), pack);
  writeFileSync(join(repo, 'objects', 'pack', `${name}.idx`), packIndex(pack, objects, ids));
  gitIn(repo, ['update-ref', 'refs/heads/main', sha('commit', commit).toString('hex')]);
}

/** CRC-32 (as zlib's), which a pack index records for each object's bytes in the pack. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A version 2 pack index (.idx) of `pack`, whose objects (in pack order, after its 12-byte header) have the ids `ids`. */
function packIndex(pack: Buffer, objects: Buffer[], ids: Buffer[]): Buffer {
  let offset = 12;
  const entries = objects.map((o, i) => {
    const e = { id: ids[i]!, crc: crc32(o), offset };
    offset += o.length;
    return e;
  });
  entries.sort((a, b) => Buffer.compare(a.id, b.id));
  const fanout = Buffer.alloc(256 * 4);
  for (let i = 0; i < 256; i++) fanout.writeUInt32BE(entries.filter((e) => e.id[0]! <= i).length, i * 4);
  const u32 = (values: number[]) => {
    const b = Buffer.alloc(values.length * 4);
    for (const [i, v] of values.entries()) b.writeUInt32BE(v, i * 4);
    return b;
  };
  const idx = Buffer.concat([
    Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]),
    fanout,
    ...entries.map((e) => e.id),
    u32(entries.map((e) => e.crc)),
    u32(entries.map((e) => e.offset)),
    pack.subarray(-20),
  ]);
  return Buffer.concat([idx, createHash('sha1').update(idx).digest()]);
}

beforeAll(async () => {
  isolateProcessGit();
  base = tempDir('delta-bomb-memory');
  alice = await relayUser(base.dir, 'alice');
  bomb = join(base.dir, 'remotes', 'bob.git');
  // The limit is lowered for the test (the mechanism is the same; git filling 2 GiB took 18 s).
  setListingMemoryForTests(LIMIT);
  deltaBomb(bomb, 20); // 20 × 16 MiB: 320 MiB, past the test's 256 MiB
});
afterAll(() => {
  setListingMemoryForTests(undefined);
  base.cleanup();
});

const LIMIT = 256 * 1024 * 1024;

it('the limit for what a relay sends is 2 GiB (the tests below lower it)', () => {
  expect(LISTING_MEMORY_BYTES).toBe(2 * 1024 ** 3);
});

describe('a few KB from a peer relay that expand to gigabytes', () => {
  it('add-peer refuses the relay by name (bad_relay), git never gets the memory', async () => {
    const r = await run(alice, ['add-peer', 'bob', '--url', bomb, '--json']);
    expect(r.code).toBe(1);
    expect(r.json.error.code).toBe('bad_relay');
    expect(r.json.error.message).toContain(`the relay ${bomb} sent objects that need more memory to unpack than alive lets git use`);
  }, 60_000);

  it("the probe of a pinned peer's relay that turned into one ends within its budget, with nothing to report", async () => {
    const bob = await relayUser(base.dir, 'bob2');
    const added = await run(alice, ['add-peer', 'bob2', '--url', bob.url, '--json']);
    expect(added.code).toBe(0);
    rmSync(bob.url, { recursive: true, force: true });
    cpSync(bomb, bob.url, { recursive: true });
    rmSync(join(alice.paths.clone), { recursive: true, force: true });
    const t0 = Date.now();
    const probe = await asUser(alice, () => probeWithinBudget({ paths: alice.paths, statePath: alice.paths.state, budgetMs: 30_000 }));
    expect(probe.timedOut).toBe(false);
    expect(Date.now() - t0).toBeLessThan(30_000);
    // The key fetch is refused (no key change is read from it); the relay still answers ls-remote.
    expect(probe.state?.peer_key_changes).toEqual({});
    expect(probe.state?.peer_reachability?.bob2?.reachable).toBe(true);
    // The whole state when it fails (seen once under the suite's load: "git fetch failed with exit
    // code 128", git's own words only in the state's detail).
    expect(probe.state?.last_error, JSON.stringify(probe.state)).toBeNull();
  }, 60_000);
});
