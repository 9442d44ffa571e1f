/** dispatch status and the MCP status tool on a bus where a writer made many receiver folders: bounded output. */
import { describe, it, expect } from 'vitest';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus, splitFences } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { statusTool } from '../../scripts/lib/bus/mcp/tools.ts';

type Row = { receiver: string; inbox: number };
type McpRow = { untrusted: { receiver: string; problems: string[] }; inbox: number };

/** 300 receiver folders r000..r299; @r250 and @r120 have a message waiting. */
async function crowdedBus() {
  const bus = makeBus();
  for (let i = 0; i < 300; i++) mkdirSync(join(bus.root, 'runtimes', `r${String(i).padStart(3, '0')}`, 'inbox'), { recursive: true });
  await sendMessage({ root: bus.root, to: 'r250', from: 's', body: 'waiting' });
  await sendMessage({ root: bus.root, to: 'r120', from: 's', body: 'waiting' });
  return bus;
}

const receiverLines = (stdout: string) =>
  splitFences(stdout)
    .fenced.split('\n')
    .filter((l) => /^@r\d+/.test(l));

describe('dispatch status with more receivers than it lists', () => {
  it('lists at most --limit (default 100), those with messages waiting first, and says how many more and how to see them', async () => {
    const { root } = await crowdedBus();
    let r = await dispatch(root, ['status', '--limit', '5']);
    expect(r.status, r.stderr).toBe(0);
    expect(receiverLines(r.stdout).map((l) => l.trim().split(' ')[0])).toEqual(['@r120', '@r250', '@r000', '@r001', '@r002']);
    expect(r.stdout).toMatch(
      /^295 more receivers not shown \(every bus's receivers, then those with messages waiting, first\); 'dispatch status @NAME' shows one, --limit N shows more$/m,
    );

    r = await dispatch(root, ['status']);
    expect(receiverLines(r.stdout)).toHaveLength(100);
    expect(r.stdout).toContain('200 more receivers not shown');
    expect((await dispatch(root, ['status', '--limit', '299'])).stdout).toMatch(/^1 more receiver not shown /m);

    const json = JSON.parse((await dispatch(root, ['status', '--json', '--limit', '3'])).stdout) as { receivers: Row[]; total: number; truncated: boolean };
    expect(json.receivers.map((x) => x.receiver)).toEqual(['@r120', '@r250', '@r000']);
    expect(json).toMatchObject({ total: 300, truncated: true });

    const usage = await dispatch(root, ['status', '--limit', '0']);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--limit takes a positive whole number/);
  });

  it('dispatch status @NAME shows that receiver only; a name without a folder says so', async () => {
    const { root } = await crowdedBus();
    let r = await dispatch(root, ['status', '@r250']);
    expect(r.status, r.stderr).toBe(0);
    expect(receiverLines(r.stdout)).toHaveLength(1);
    expect(splitFences(r.stdout).fenced).toMatch(/^@r250 +inbox 1,/m);
    const json = JSON.parse((await dispatch(root, ['status', 'r007', '--json'])).stdout) as { receivers: Row[]; total: number; truncated: boolean };
    expect(json).toMatchObject({ total: 1, truncated: false, receivers: [{ receiver: '@r007', inbox: 0 }] });
    r = await dispatch(root, ['status', '@nosuch']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^no receiver @nosuch under \S+runtimes$/m);
  });

  it('a bus with fewer receivers than the limit lists them all by name, as before, with no note', async () => {
    const { root } = makeBus();
    for (const n of ['r2', 'r3', 'r1']) mkdirSync(join(root, 'runtimes', n), { recursive: true });
    await sendMessage({ root, to: 'r3', from: 's', body: 'waiting' });
    const r = await dispatch(root, ['status']);
    expect(receiverLines(r.stdout).map((l) => l.trim().split(' ')[0])).toEqual(['@r1', '@r2', '@r3']);
    expect(r.stdout).not.toContain('not shown');
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout);
    expect(json).toMatchObject({ total: 3, truncated: false });
  });
});

describe('the MCP status tool with many receivers', () => {
  it('pages with limit and offset (default 100), waiting first, and takes one receiver', async () => {
    const { root } = await crowdedBus();
    const call = (a: object) =>
      statusTool({ root, as: 'tester' }, a) as unknown as { receivers: McpRow[]; total: number; truncated: boolean; next_offset?: number; note?: string };
    let r = call({ limit: 3 });
    expect(r.receivers.map((x) => x.untrusted.receiver)).toEqual(['@r120', '@r250', '@r000']);
    expect(r).toMatchObject({ total: 300, truncated: true, next_offset: 3 });
    expect(r.note).toMatch(/297 more receivers not shown.*next_offset.*receiver/);
    r = call({ limit: 3, offset: 3 });
    expect(r.receivers.map((x) => x.untrusted.receiver)).toEqual(['@r001', '@r002', '@r003']);
    // 100 by default, fewer when their rows pass what one result may hold (mcp-result-size.test.ts).
    r = call({});
    expect(r.receivers.length).toBeGreaterThan(50);
    expect(r.receivers.length).toBeLessThanOrEqual(100);
    expect(r).toMatchObject({ total: 300, truncated: true, next_offset: r.receivers.length });
    r = call({ offset: 290 });
    expect(r.receivers).toHaveLength(10);
    expect(r).toMatchObject({ truncated: false });
    expect(r.next_offset).toBeUndefined();
    r = call({ receiver: '@r120' });
    expect(r.receivers).toEqual([expect.objectContaining({ untrusted: expect.objectContaining({ receiver: '@r120' }), inbox: 1 })]);
    expect(r).toMatchObject({ total: 1, truncated: false });
  });
});

describe("one receiver's problems", () => {
  it('are at most 5 shown, then counted: a writer can plant thousands of linked archive day folders', async () => {
    const { root, base } = makeBus();
    const archive = join(root, 'runtimes', 'claude', 'archive');
    mkdirSync(archive, { recursive: true });
    const away = join(base, 'away');
    mkdirSync(away);
    for (let i = 0; i < 40; i++) symlinkSync(away, join(archive, `2026-01-${String(i).padStart(2, '0')}`));
    const problems = statusTool({ root, as: 'tester' }).receivers[0]!.untrusted.problems;
    expect(problems).toHaveLength(6);
    expect(problems[5]).toBe('and 35 more folders of @claude that are links or not folders (status counts nothing in them)');
    const cli = await dispatch(root, ['status']);
    expect(cli.status).toBe(0);
    // The problems name the receiver's folders: inside the receivers' fence, one warning in our words.
    expect(
      splitFences(cli.stdout)
        .fenced.split('\n')
        .filter((l) => l.startsWith('  problem: ')),
    ).toHaveLength(6);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1);
  });
});
