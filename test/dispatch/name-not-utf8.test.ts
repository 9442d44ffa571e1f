/**
 * A message file whose NAME is not UTF-8 (`msg-caf\xe9.hw`, as a latin1 system writes it): Node
 * read it as `msg-caf\uFFFD.hw`, a name no file has, so every lstat said "claimed meanwhile" and it
 * was never listed, claimed or dead-lettered, while the SessionStart notice counted it. It is now
 * what a UTF-8 name that is no valid id is: listed as such, and moved to dead-letter (bad_id) by
 * its own bytes, nothing lost.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimNext, listInbox } from '../../scripts/lib/bus/claims.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { pendingMessagesFor } from '../../scripts/lib/bus/notice.ts';
import { dispatch, makeBus } from './helpers.ts';

const BODY = '# HelloWorld Message\n\nhello\n';
const RAW_NAME = Buffer.concat([Buffer.from('msg-caf'), Buffer.from([0xe9]), Buffer.from('.hw')]);

function busWithLatin1Name() {
  const bus = makeBus();
  const paths = receiverPaths(bus.root, 'claude');
  mkdirSync(paths.inbox, { recursive: true });
  writeFileSync(Buffer.concat([Buffer.from(`${paths.inbox}/`), RAW_NAME]), BODY);
  return { ...bus, paths };
}

describe('an inbox file whose name is not UTF-8', () => {
  it('is listed as a name that is not a valid id, as the notice counts it', () => {
    const { root, env, paths } = busWithLatin1Name();
    const listed = listInbox(paths);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ validId: false, name: 'msg-caf\\xe9.hw' });
    expect(pendingMessagesFor('claude', root, env)?.count).toBe(listed.length);
  });

  it('is moved to dead-letter by its own bytes as bad_id, its content whole', async () => {
    const { root, paths } = busWithLatin1Name();
    const moved: string[] = [];
    const claim = await claimNext(root, 'claude', { owner: 't', leaseMs: 60_000, onDeadLetter: (r) => moved.push(r.code) });
    expect(claim).toBeUndefined();
    expect(moved).toEqual(['bad_id']);
    expect(readdirSync(paths.inbox)).toEqual([]);
    const dead = readdirSync(paths.deadLetter).filter((n) => !n.endsWith('.reason.json'));
    expect(dead).toHaveLength(1);
    expect(readFileSync(join(paths.deadLetter, dead[0]!), 'utf8')).toBe(BODY);
    const reason = JSON.parse(readFileSync(join(paths.deadLetter, `${dead[0]}.reason.json`), 'utf8')) as Record<string, unknown>;
    expect(reason).toMatchObject({ code: 'bad_id', original_name: 'msg-caf\\xe9.hw' });
  });

  it('dispatch inbox counts it, and claim dead-letters it', async () => {
    const { root, paths } = busWithLatin1Name();
    const inbox = await dispatch(root, ['inbox', '@claude', '--json']);
    expect(JSON.parse(inbox.stdout)).toMatchObject({ count: 1, messages: [{ id: null }] });
    const claim = await dispatch(root, ['claim', '@claude']);
    expect(claim.stderr).toMatch(/moved a file to dead-letter .*code bad_id/);
    expect(readdirSync(paths.inbox)).toEqual([]);
  });
});
