/**
 * A claim's owner tag names its holder's pid, and any bus writer can rename a request into
 * processing/ under a tag it chose: `p1` (pid 1, alive for ever), or the pid of any process of the
 * user's. A live pid was enough: the reply tool refused "the daemon serving @claude (pid 1) claimed
 * it and its agent is answering it ... or stop that daemon", status counted it as handled, and no
 * sweep took it back before the lease its name gives (up to year 9999) (review 2026-12-06). A holder
 * is now alive only when its process is a dispatch process (where /proc shows its command line), as
 * a daemon.json's pid is (serving.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { makeBus } from './helpers.ts';
import { goneClaimOwner } from '../../scripts/lib/bus/claims.ts';
import { otherLiveHolder } from '../../scripts/lib/bus/claim-owner.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { replyTool } from '../../scripts/lib/bus/mcp/tools.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
});

/** A live process that is no dispatch: `sleep`. */
function otherProcess(): number {
  const c = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(c);
  return c.pid!;
}

it.runIf(process.platform === 'linux')('a claim tagged with the pid of a process that is no dispatch is not held by a live holder', async () => {
  const pid = otherProcess();
  for (const owner of [`p${pid}`, `m${pid}h${hostTag()}x0a1b2c3d`, `r${pid}h${hostTag()}`, `s${pid}`]) {
    expect(otherLiveHolder(owner, 'self')).toBeUndefined();
  }
  expect(goneClaimOwner(`p${pid}`)).toEqual({ pid, kind: 'daemon' });
  // This process (a dispatch in the tests) stays a live holder.
  expect(otherLiveHolder(`p${process.pid}`, 'self')).toMatchObject({ kind: 'daemon', pid: process.pid });
});

it.runIf(process.platform === 'linux')('the reply tool answers a request planted in processing/ under such a tag', async () => {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
  const paths = receiverPaths(root, 'claude');
  const deadline = Date.now() + 7 * 24 * 3600_000;
  mkdirSync(paths.processing, { recursive: true });
  renameSync(join(paths.inbox, messageFileName(sent.id)), join(paths.processing, `${messageFileName(sent.id)}.claim-${deadline}-p${otherProcess()}`));
  const r = await replyTool({ root, as: 'human', owner: 'hand' }, { id: sent.id, body: 'answer', as: '@claude' });
  expect(r).toMatchObject({ ok: true, in_reply_to: sent.id });
});
