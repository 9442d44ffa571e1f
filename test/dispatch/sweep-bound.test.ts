/**
 * A sweep hands back at most SWEEP_RETURNS_MAX expired claims per batch: each is a few synchronous
 * file operations, and 100,000 planted expired claims kept the MCP claim tool (and the server's
 * event loop) busy about 150 s, a lone `dispatch claim` up to half an hour (review of 2026-12-07).
 * The rest wait for the next sweep, and a lone claim says its sweep stopped.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';
import { SWEEP_RETURNS_MAX } from '../../scripts/lib/bus/claims.ts';

describe('a flood of expired claims', () => {
  it('is handed back a bounded part at a time; a lone claim says the sweep stopped', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'sw');
    mkdirSync(paths.inbox, { recursive: true });
    mkdirSync(paths.processing, { recursive: true });
    const n = SWEEP_RETURNS_MAX + 300;
    for (let i = 0; i < n; i++) {
      writeFileSync(join(paths.processing, `msg-${newMessageId()}.hw.claim-1000-hand`), '# HelloWorld Message\n# From: @x\n# To: @sw\n\nhi\n');
    }
    const expired = () => readdirSync(paths.processing).filter((f) => f.includes('.claim-1000-')).length;
    const first = await dispatch(root, ['claim', '@sw']);
    expect(first.status, first.stderr).toBe(0);
    expect(expired()).toBe(300);
    expect(first.stderr).toMatch(new RegExp(`the sweep for stale claims stopped after ${SWEEP_RETURNS_MAX} of @sw's expired claims`));
    // The next claim hands back the rest, and says nothing of a partial sweep.
    const next = await dispatch(root, ['claim', '@sw', '--json']);
    expect(next.status, next.stderr).toBe(0);
    expect(expired()).toBe(0);
    expect(JSON.parse(next.stdout).sweep_partial).toBeUndefined();
  });
});

// A review of that bound (2026-12-07): names that read back otherwise (not UTF-8) cannot be moved,
// and counted against the bound, 500 of them ahead of a real expired claim kept it there for ever.
describe('expired claims that cannot be moved', () => {
  it('cost nothing against the bound: a real expired claim behind many of them comes back', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'st');
    mkdirSync(paths.inbox, { recursive: true });
    mkdirSync(paths.processing, { recursive: true });
    // The real one first: a folder in memory (tmpfs) lists the newest names first.
    const id = newMessageId();
    writeFileSync(join(paths.processing, `msg-${id}.hw.claim-1000-hand`), '# HelloWorld Message\n# From: @x\n# To: @st\n\nreal\n');
    const enc = new TextEncoder();
    for (let i = 0; i < 3 * SWEEP_RETURNS_MAX; i++) {
      // A name with a byte that is not UTF-8: listed as U+FFFD, no file of that name to move.
      writeFileSync(Buffer.concat([enc.encode(`${paths.processing}/msg-`), Buffer.from([0xff]), enc.encode(`${i}.hw.claim-1-x`)]), '');
    }
    const r = await dispatch(root, ['claim', '@st', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ claimed: true, id });
  });

  it('with an id too long for the expiry count beside it: the claim goes on', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'ln');
    mkdirSync(paths.inbox, { recursive: true });
    mkdirSync(paths.processing, { recursive: true });
    writeFileSync(join(paths.processing, `msg-${'a'.repeat(238)}.hw.claim-1-x`), '');
    const id = newMessageId();
    writeFileSync(join(paths.inbox, `msg-${id}.hw`), '# HelloWorld Message\n# From: @x\n# To: @ln\n\nreal\n');
    const r = await dispatch(root, ['claim', '@ln', '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ claimed: true, id });
  });
});
