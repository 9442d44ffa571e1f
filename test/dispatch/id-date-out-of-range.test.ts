/**
 * A message id is a file name any bus writer chooses, and a UUIDv7's first 48 bits are a time up
 * to year 10889. An id dated past 9999-12-31 made a lookup's archive day `+010053-05` (toISOString
 * of such a time), which sorts before every real day: the loop from that day to today's never
 * ended (until Date overflowed, minutes later, with "Invalid time value"), and `show`, `thread`,
 * `wait` and the whole MCP server hung, a wait's --timeout and SIGTERM unheard (review of
 * 2026-12-07). A time the bus cannot name a day for (past 9999-12-31, before the epoch) is now no
 * date: the message is looked for as one with a slug id is.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle, dispatch, makeBus, sleep } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { archiveDayDir, receiverPaths } from '../../scripts/lib/bus/layout.ts';

/** A UUIDv7 whose time field says `ms` (a bus writer's choice). */
function idAt(ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7000-8000-000000000000`;
}

const DATES: [string, string][] = [
  ['the last day the bus names (9999-12-31)', idAt(Date.UTC(9999, 11, 31, 12))],
  ['year 10000', idAt(Date.UTC(10000, 0, 1))],
  ['past year 10000 (f0000000…)', 'f0000000-0000-7000-8000-000000000000'],
  ['the latest time an id holds', 'ffffffff-ffff-7000-8000-000000000000'],
  ['epoch 0', idAt(0)],
];

function planted(id: string, where: 'inbox' | 'archive' = 'inbox') {
  const { root, env } = makeBus();
  const paths = receiverPaths(root, 'claude');
  const dir = where === 'inbox' ? paths.inbox : archiveDayDir(paths, new Date());
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, messageFileName(id)), '# From: @gemini\n\nx\n');
  return { root, env, paths };
}

/** `fn`, failing when it took longer than `ms` (a hang is synchronous: no test timeout ends it). */
async function within<T>(ms: number, fn: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const r = await fn();
  expect(Date.now() - start).toBeLessThan(ms);
  return r;
}

const mcp = mcpToolCallers();

describe.each(DATES)('a message whose id is dated %s', (_what, id) => {
  it('show, thread and wait answer at once (CLI)', async () => {
    const { root } = planted(id);
    const shown = await within(5_000, () => dispatch(root, ['show', id, '--json']));
    expect(shown.status).toBe(0);
    expect(JSON.parse(shown.stdout).messages.map((m: { location: string }) => m.location)).toEqual(['inbox']);
    const thread = await within(5_000, () => dispatch(root, ['thread', id, '--json']));
    expect(thread.status).toBe(0);
    expect(thread.stdout).toContain(id);
    const waited = await within(6_000, () => dispatch(root, ['wait', id, '--timeout', '0.2', '--json']));
    expect(waited.status).toBe(1);
    expect(JSON.parse(waited.stdout).error.code).toBe('timeout');
  });

  it('the MCP wait and thread tools answer at once', async () => {
    const { root } = planted(id);
    const call = await mcp(root, 'human');
    const thread = await within(5_000, () => call('thread', { id }));
    expect(thread.isError).toBeFalsy();
    expect(JSON.stringify(thread.structuredContent)).toContain(id);
    const waited = await within(6_000, () => call('wait', { id, timeout_s: 0.2 }));
    expect(waited.isError).toBeFalsy();
    expect(waited.structuredContent).toMatchObject({ status: 'timed-out' });
  });
});

it('a message with such an id archived today is found in the archive (no date: every day is looked into)', async () => {
  const id = 'f0000000-0000-7000-8000-000000000000';
  const { root, paths } = planted(id, 'archive');
  mkdirSync(paths.inbox, { recursive: true });
  copyFileSync(join(archiveDayDir(paths, new Date()), messageFileName(id)), join(paths.inbox, messageFileName(id)));
  const shown = await within(5_000, () => dispatch(root, ['show', id, '--json']));
  expect(JSON.parse(shown.stdout).messages.map((m: { location: string }) => m.location)).toEqual(['inbox', 'archive']);
});

it('dispatch wait on such an id ends on SIGTERM (the bundle)', async () => {
  const cli = await bundle('scripts/dispatch.ts');
  const id = 'f0000000-0000-7000-8000-000000000000';
  const { env } = planted(id);
  const child = spawn(process.execPath, [cli, 'wait', id, '--timeout', '60'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  await sleep(1_500);
  const start = Date.now();
  child.kill('SIGTERM');
  const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(killer);
  expect(code).toBe(143);
  expect(Date.now() - start).toBeLessThan(5_000);
});
