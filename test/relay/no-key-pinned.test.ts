/**
 * An accepted peer with no key pinned (a v1 migration carries no keys): migrate-relay advised
 * `relay accept LOGIN` without --fingerprint, which pins whatever key the peer's relay holds at that
 * moment (the relay skill says never to accept so), and `relay status` showed `bob accepted no key
 * pinned` with no problem line. The advice names --fingerprint and where the fingerprint comes
 * from; status lists such a peer as a problem with that next step (a pending peer is not one).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateRelayCommand } from '../../scripts/lib/relay/commands/migrate-relay.ts';
import { makeUser, tempDir } from './helpers.ts';
import { run } from './in-process.ts';

let base: ReturnType<typeof tempDir>;
beforeAll(() => {
  base = tempDir('no-key-pinned');
});
afterAll(() => base.cleanup());

const V1 = `github_username: alice
repo: alice/walnut-relay
peers:
  - github: bob
    status: accepted
  - github: carol
    status: pending
`;

describe('an accepted peer with no key pinned', () => {
  it('migrate-relay advises accept with --fingerprint; status lists the peer as a problem saying so', async () => {
    const u = makeUser(base.dir, 'alice');
    mkdirSync(u.env.ALIVE_HOME!, { recursive: true });
    writeFileSync(join(u.env.ALIVE_HOME!, 'relay.yaml'), V1);
    const migrated = await run(u, ['--json'], migrateRelayCommand);
    expect(migrated.code, migrated.stderr).toBe(0);
    const advice = migrated.json.warnings.join('\n');
    expect(advice).toMatch(/alive-p2p relay accept LOGIN --fingerprint HEX/);
    expect(advice).toMatch(/by another channel/);

    const status = await run(u, ['status', '--offline', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const problems: string[] = status.json.problems;
    expect(problems.filter((p) => /no key (of theirs )?(is )?pinned/.test(p))).toEqual([
      expect.stringContaining('`alive-p2p relay accept bob --fingerprint HEX`'),
    ]);
    expect(problems.join('\n')).not.toMatch(/carol/);

    const text = await run(u, ['status', '--offline']);
    expect(text.stdout).toMatch(/^problem: bob is accepted but no key of theirs is pinned/m);
  });
});
