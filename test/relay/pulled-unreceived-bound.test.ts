/**
 * The SessionStart hook looks at no more than PULLED_FILES_CHECKED saved files for what pull
 * verified and no world has received. The bound was spent on every entry of received.json
 * (pull writes it oldest first, and keeps up to 2,000 verified entries a sender), received ones
 * included: past 500 received entries the count stopped before the new ones, and with nothing
 * counted and the count incomplete the notice said nothing, for good. Now the newest are looked at
 * first, only a file found counts against the bound (a deleted one costs a look from a budget four
 * times as large), and with nothing found the notice says nothing of them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { PULLED_FILES_CHECKED, relayNotice } from '../../scripts/lib/hook/relay-notice.ts';
import { countPulledUnreceived } from '../../scripts/lib/relay/pulled-unreceived.ts';
import { tempDir } from './helpers.ts';

let t: ReturnType<typeof tempDir>;
let relay: string;
let world: string;
beforeEach(() => {
  t = tempDir('pulled-bound');
  relay = join(t.dir, 'alive', 'relay');
  world = join(t.dir, 'world');
  mkdirSync(join(relay, 'inbox', 'bob'), { recursive: true });
  mkdirSync(join(world, '.alive'), { recursive: true });
  // bob a pinned peer: what pull saved from a peer removed since is not offered (relay-notice.ts pulledText).
  writeFileSync(join(relay, 'relay.json'), JSON.stringify({ peers: [{ github: 'bob', fingerprint: 'SHA256:x' }] }));
});
afterEach(() => t.cleanup());

interface Saved {
  name: string;
  received?: boolean;
  file?: boolean;
}

/** received.json as pull writes it (oldest first), and receive's imported.json recording the received ones. */
function write(saved: Saved[]): void {
  const log: Record<string, unknown> = {};
  const imports: unknown[] = [];
  saved.forEach((s, i) => {
    const path = join(relay, 'inbox', 'bob', `${s.name}.walnut`);
    const identity = i.toString(16).padStart(64, '0');
    log[identity.slice(24)] = { path, at: new Date(1e12 + i * 1000).toISOString(), identity, verified: true, from: 'bob' };
    if (s.file !== false) writeFileSync(path, 'x');
    if (s.received) imports.push({ identity, source: path });
  });
  writeFileSync(join(relay, 'received.json'), JSON.stringify(log));
  writeFileSync(join(relay, 'imported.json'), JSON.stringify(imports));
}

const old = (n: number, more: Partial<Saved> = {}): Saved[] => Array.from({ length: n }, (_, i) => ({ name: `old-${i}`, received: true, ...more }));

function notice(): Promise<string | undefined> {
  const env = { ALIVE_HOME: join(t.dir, 'alive'), HOME: t.dir, PATH: process.env.PATH };
  return relayNotice({ sessionCwd: async () => world, env, deadline: Date.now() + 5000, distDir: join(t.dir, 'no-dist'), now: Date.now });
}

it('a package pulled after more received ones than the hook looks at is still counted, and told', async () => {
  write([...old(PULLED_FILES_CHECKED + 100), { name: 'new' }]);
  expect(countPulledUnreceived(relay, PULLED_FILES_CHECKED)).toEqual({ packages: 1, byFolder: new Map([['bob', 1]]), complete: true });
  expect(await notice()).toMatch(/ALIVE relay: 1 walnut package that `alive-p2p relay pull` downloaded and verified waits/);
});

it('a package pulled before as many received ones is counted too: received entries cost no look at a file', () => {
  write([{ name: 'first' }, ...old(PULLED_FILES_CHECKED + 100)]);
  expect(countPulledUnreceived(relay, PULLED_FILES_CHECKED)).toEqual({ packages: 1, byFolder: new Map([['bob', 1]]), complete: true });
});

it('files the user deleted cost no look against the bound: a package older than more of them than the hook looks at is counted', async () => {
  write([{ name: 'oldest' }, ...old(PULLED_FILES_CHECKED + 10, { received: false, file: false })]);
  expect(countPulledUnreceived(relay, PULLED_FILES_CHECKED)).toEqual({ packages: 1, byFolder: new Map([['bob', 1]]), complete: true });
  expect(await notice()).toMatch(/ALIVE relay: 1 walnut package that `alive-p2p relay pull` downloaded and verified waits/);
});

it('past four times as many deleted files as the bound, with nothing found: the hook says nothing of pulled packages, as status counts none of those', async () => {
  // A standing "packages may wait" for entries whose files the user deleted helped nobody (status: 0).
  write(old(4 * PULLED_FILES_CHECKED + 10, { received: false, file: false }));
  expect(countPulledUnreceived(relay, PULLED_FILES_CHECKED)).toMatchObject({ packages: 0, complete: false });
  expect(countPulledUnreceived(relay)).toMatchObject({ packages: 0, complete: true });
  expect((await notice()) ?? '').not.toMatch(/downloaded and verified/);
});

it('as many unreceived files as the bound, and more: the notice says at least that many, and where all are counted', async () => {
  write(Array.from({ length: PULLED_FILES_CHECKED + 5 }, (_, i) => ({ name: `new-${i}` })));
  expect(countPulledUnreceived(relay, PULLED_FILES_CHECKED)).toMatchObject({ packages: PULLED_FILES_CHECKED, complete: false });
  const text = (await notice()) ?? '';
  expect(text).toMatch(new RegExp(`at least ${PULLED_FILES_CHECKED} walnut packages`));
  expect(text).toContain('alive-p2p relay status');
});
