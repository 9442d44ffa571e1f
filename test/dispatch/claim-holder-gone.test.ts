/**
 * After a daemon was killed with -9, status, show and wait said its message was "being handled":
 * nothing handles it until a serve takes it back or its lease runs out. They now say so.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { claimNext } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';

describe('a claim held by a daemon that is gone', () => {
  it('wait, show and status say so, how to take it back, and when the lease returns it (a claim takes it back: claim-takes-back-gone.test.ts)', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const claim = (await claimNext(root, 'gemini', { owner: `p${gone}h${hostTag()}`, leaseMs: 600_000 }))!;
    const lease = new Date(claim.deadline).toISOString();
    // The way on a user meets first: a claim takes it back now (not a serve: a paid headless agent by default).
    const words = `held by a daemon that is gone (pid ${gone}); take it back with 'dispatch claim @gemini ${sent.id}' to answer it by hand, or start 'dispatch serve @gemini' (else its lease returns it at ${lease})`;

    const w = await dispatch(root, ['wait', sent.id, '--timeout', '0.1', '--json']);
    expect(w.stderr).toContain(`the request is claimed in @gemini's processing/, ${words}`);
    expect(JSON.parse(w.stdout).request.claim.holder_gone_pid).toBe(gone);
    const s = await dispatch(root, ['show', sent.id]);
    expect(s.stdout).toContain(words);
    expect(s.stdout).not.toContain('being handled');
    const st = await dispatch(root, ['status']);
    expect(st.stdout).toContain('1 message being handled, 0 dead letters, 0 served by a daemon; 1 message of them held by a daemon that is gone');
    expect(st.stdout).toContain('processing 1 (1 held by a daemon that is gone)');
  });

  it('an MCP session or a reply that is gone is named as such (claim and serve take their claims back), in wait, show and status', async () => {
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const holders = [
      { owner: `m${gone}h${hostTag()}x0a1b2c3d`, who: 'an MCP session' },
      { owner: `r${gone}h${hostTag()}`, who: 'a reply' },
    ];
    for (const { owner, who } of holders) {
      const { root } = makeBus();
      const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
      const claim = (await claimNext(root, 'gemini', { owner, leaseMs: 600_000 }))!;
      const words = `held by ${who} that is gone (pid ${gone}); take it back with 'dispatch claim @gemini ${sent.id}' to answer it by hand, or start 'dispatch serve @gemini' (else its lease returns it at ${new Date(claim.deadline).toISOString()})`;
      const w = await dispatch(root, ['wait', sent.id, '--timeout', '0.1', '--json']);
      expect(w.stderr).toContain(`the request is claimed in @gemini's processing/, ${words}`);
      expect(JSON.parse(w.stdout).request.claim).toMatchObject({ holder_gone_pid: gone });
      expect((await dispatch(root, ['show', sent.id])).stdout).toContain(words);
      const st = await dispatch(root, ['status']);
      expect(st.stdout).toContain(`1 message of them held by ${who} that is gone`);
      expect(st.stdout).toContain(`processing 1 (1 held by ${who} that is gone)`);
      expect(st.stdout).not.toContain('daemon that is gone');
    }
  });

  it('status names each kind when claims of several gone holders wait', async () => {
    const { root } = makeBus();
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    for (const owner of [`p${gone}h${hostTag()}`, `m${gone}h${hostTag()}x0a1b2c3d`]) {
      await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
      await claimNext(root, 'gemini', { owner, leaseMs: 600_000 });
    }
    const st = await dispatch(root, ['status']);
    expect(st.stdout).toContain('2 messages of them held by processes that are gone (a daemon, an MCP session)');
    expect(st.stdout).toContain('processing 2 (2 held by processes that are gone (a daemon, an MCP session))');
  });

  it('a live holder is still being handled', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'gemini', from: 'human', body: 'q' });
    await claimNext(root, 'gemini', { owner: `p${process.pid}h${hostTag()}`, leaseMs: 600_000 });
    const w = await dispatch(root, ['wait', sent.id, '--timeout', '0.1']);
    expect(w.stderr).toContain("claimed in @gemini's processing/ (being handled)");
  });
});
