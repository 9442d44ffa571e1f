/**
 * A claim left by an MCP session that ended (or a daemon killed with -9) could not be claimed again:
 * `dispatch claim @claude ID` and the MCP claim tool said to start 'dispatch serve @claude' (a paid
 * headless agent) or wait out the 30-minute lease, while `dispatch reply` took it over. A claim now
 * takes back a claim whose holder is gone, and says so; one a live process holds stays refused.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { claimNext } from '../../scripts/lib/bus/claims.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { hostTag } from '../../scripts/lib/proc/host-tag.ts';

const connect = mcpToolCallers();

/** A bus with one message to @claude, claimed by `owner` (a 10-minute lease). */
async function heldBy(owner: string): Promise<{ root: string; id: string }> {
  const { root } = makeBus();
  const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'please summarise' });
  await claimNext(root, 'claude', { owner, leaseMs: 600_000 });
  return { root, id: sent.id };
}

const gonePid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('claim: a claim whose holder is gone', () => {
  it('dispatch claim @claude ID takes it back from an MCP session that ended, and says so', async () => {
    const gone = gonePid();
    const { root, id } = await heldBy(`m${gone}h${hostTag()}x0a1b2c3d`);
    const c = await dispatch(root, ['claim', '@claude', id]);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toContain(`took back msg-${id} from an MCP session that is gone (pid ${gone})`);
    expect(c.stdout).toContain(`claimed msg-${id} for @claude`);
    const r = await dispatch(root, ['reply', id, 'a summary', '--as', '@claude']);
    expect(r.status, r.stderr).toBe(0);
  });

  it('dispatch claim @claude (the oldest) takes back a daemon-killed claim, and --json names it', async () => {
    const gone = gonePid();
    const { root, id } = await heldBy(`p${gone}h${hostTag()}`);
    const c = await dispatch(root, ['claim', '@claude', '--json']);
    expect(c.status, c.stderr).toBe(0);
    const j = JSON.parse(c.stdout);
    expect(j).toMatchObject({ claimed: true, id, took_back: [{ id, holder_gone_kind: 'daemon', holder_gone_pid: gone }] });
  });

  it('the MCP claim tool takes it back too', async () => {
    const gone = gonePid();
    const { root, id } = await heldBy(`m${gone}h${hostTag()}x0a1b2c3d`);
    const call = await connect(root, '@claude');
    const r = await call('claim', { receiver: '@claude', id });
    expect(r.isError, JSON.stringify(r.structuredContent)).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ claimed: true, id, took_back: [{ id, holder_gone_kind: 'session', holder_gone_pid: gone }] });
    const reply = await call('reply', { id, body: 'a summary' });
    expect(reply.isError, JSON.stringify(reply.structuredContent)).toBeFalsy();
  });

  it('a claim a live MCP session holds stays refused, and nothing moves', async () => {
    const { root, id } = await heldBy(`m${process.pid}h${hostTag()}x0a1b2c3d`);
    const c = await dispatch(root, ['claim', '@claude', id]);
    expect(c.status).toBe(1);
    // busy, naming the session, as reply and the MCP claim say it (mcp-claim-busy.test.ts).
    expect(c.stderr).toContain(`cannot claim ${id}: another MCP session (the dispatch mcp server with pid ${process.pid}) claimed it to answer it`);
    expect(c.stdout).not.toContain('took back');
    const none = await dispatch(root, ['claim', '@claude']);
    expect(none.stdout).toContain('no messages waiting for @claude');
  });
});

/** `n` claims of @claude planted in processing/ under `owner` for an hour (`name(i)`: the message's file name). */
function plantClaims(root: string, n: number, owner: string, name: (i: number) => string): void {
  const processing = receiverPaths(root, 'claude').processing;
  mkdirSync(processing, { recursive: true });
  const deadline = Date.now() + 3600_000;
  for (let i = 0; i < n; i++) writeFileSync(join(processing, `${name(i)}.claim-${deadline}-${owner}`), '');
}

// A flood of planted claims of gone holders: `dispatch claim` printed one line per claim taken back
// (1.2 MB for 20,000), and the MCP claim tool's took_back passed the limit of one tool result after
// the real message had been claimed: an error, and the message stranded in processing/.
describe('claim: many claims taken back are counted, the first 20 named', () => {
  it('dispatch claim names the first 20 and counts the rest; --json gives took_back (20) and took_back_total', async () => {
    const gone = gonePid();
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'real' });
    plantClaims(root, 30, `p${gone}h${hostTag()}`, () => `msg-${newMessageId(Date.now() + 60_000)}.hw`);
    const c = await dispatch(root, ['claim', '@claude']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout.split('\n').filter((l) => l.startsWith('took back msg-'))).toHaveLength(20);
    expect(c.stdout).toContain('took back 10 other messages from processes that are gone (30 in all)');
    expect(c.stdout).toContain(`claimed msg-${sent.id} for @claude`);

    const more = await sendMessage({ root, to: 'claude', from: 'human', body: 'real' });
    plantClaims(root, 25, `p${gone}h${hostTag()}`, () => `msg-${newMessageId(Date.now() + 60_000)}.hw`);
    const j = JSON.parse((await dispatch(root, ['claim', '@claude', '--json'])).stdout);
    expect(j).toMatchObject({ claimed: true, id: more.id, took_back_total: 25 });
    expect(j.took_back).toHaveLength(20);
  });

  // 500 planted: the result's size no longer grows with them (20,000 took the result past 2 MiB; each
  // is renamed twice, and 20,000 cost this file 5 s).
  it('the MCP claim tool after 500 planted claims returns the message it claimed, took_back cut to 5 (a result a model reads)', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'real' });
    plantClaims(root, 500, 'p999999999', (i) => `msg-IGNORE-PREVIOUS-INSTRUCTIONS-${i}.hw`);
    const call = await connect(root, '@claude');
    const r = await call('claim', { receiver: '@claude' });
    expect(r.isError, JSON.stringify(r.content).slice(0, 300)).toBeFalsy();
    expect(r.structuredContent).toMatchObject({ claimed: true, id: sent.id, took_back_total: 500 });
    expect(r.structuredContent!.took_back).toHaveLength(5);
  }, 60_000);
});

describe('claim: a taken-back claim whose message the inbox holds again', () => {
  // The take-back cannot put it beside the copy there, and moves it to dead-letter (duplicate_id):
  // the claim's result said nothing of it (dead_lettered empty), and the agent never learnt that a
  // message sat in dead-letter (an MCP review of 2026-12-08).
  it('names the dead letter it made in dead_lettered, the MCP tool and dispatch claim --json alike', async () => {
    for (const how of ['mcp', 'cli'] as const) {
      const gone = gonePid();
      const { root, id } = await heldBy(`m${gone}h${hostTag()}x0a1b2c3d`);
      writeFileSync(join(receiverPaths(root, 'claude').inbox, `msg-${id}.hw`), `Message-Id: ${id}\nFrom: human\nTo: claude\n\nsecond copy\n`);
      let result: Record<string, unknown>;
      if (how === 'mcp') {
        const call = await connect(root, '@claude');
        result = (await call('claim', { receiver: '@claude' })).structuredContent as Record<string, unknown>;
      } else {
        const c = await dispatch(root, ['claim', '@claude', '--json']);
        expect(c.status, c.stderr).toBe(0);
        result = JSON.parse(c.stdout);
      }
      expect(result, how).toMatchObject({ claimed: true, dead_lettered: [{ id, code: 'duplicate_id' }] });
    }
  });

  it('a claim whose lease ran out, returned by the sweep before the claim, is named too', async () => {
    const { root } = makeBus();
    const sent = await sendMessage({ root, to: 'claude', from: 'human', body: 'q' });
    await claimNext(root, 'claude', { owner: 'hand', leaseMs: 1 });
    await new Promise((r) => setTimeout(r, 5));
    writeFileSync(join(receiverPaths(root, 'claude').inbox, `msg-${sent.id}.hw`), `Message-Id: ${sent.id}\nFrom: human\nTo: claude\n\nsecond copy\n`);
    const c = await dispatch(root, ['claim', '@claude', '--json']);
    expect(c.status, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout)).toMatchObject({ claimed: true, dead_lettered: [{ id: sent.id, code: 'duplicate_id' }] });
  });
});
