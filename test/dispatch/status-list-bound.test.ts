/**
 * `status` (the command and the MCP tool) lists at most busListMax names of a folder (list-bound.ts):
 * readdirSync made every name, and 1,000,000 empty files planted in an inbox took `status --json`
 * 0.85 s and 207 MB (0.30 s and 98 MB now; 0.27 s for an empty bus). A count past the bound is
 * never given as exact: `more_than` in its row, `unlisted_files: true` and a note.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths, runtimesDir } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const connect = mcpToolCallers();
const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

function plant(dir: string, n: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) closeSync(openSync(join(dir, `other-${i}`), 'w'));
}

describe('status with folders flooded with file names', () => {
  it('a count past the bound says more than N (text, --json, the MCP tool)', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
    plant(receiverPaths(root, 'zz').inbox, 120);
    const text = await dispatch(root, ['status']);
    expect(text.stderr).toContain(`warning: a folder status counts holds more than ${MAX} files`);
    expect(text.stdout).toMatch(new RegExp(`inbox \\d \\(more than ${MAX} files\\), processing 0`));
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout) as {
      unlisted_files: boolean;
      note: string;
      receivers: Record<string, unknown>[];
    };
    expect(json).toMatchObject({ unlisted_files: true, note: expect.stringContaining("each count a row's more_than names") });
    expect(json.receivers.find((r) => r.receiver === '@zz')).toMatchObject({ more_than: { inbox: MAX } });
    const call = await connect(root, '@human');
    const tool = (await call('status', {})).structuredContent as { unlisted_files: boolean; receivers: Record<string, unknown>[] };
    expect(tool.unlisted_files).toBe(true);
    expect(tool.receivers[0]).toMatchObject({ more_than: { inbox: MAX } });
  });

  it("a flooded receiver folder still has its inbox counted; a flooded runtimes/ says its total is partial, and 'status @R' finds R", async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
    plant(join(runtimesDir(root), 'zz'), 120);
    const one = JSON.parse((await dispatch(root, ['status', '@zz', '--json'])).stdout) as { receivers: Record<string, unknown>[] };
    expect(one.receivers[0]).toMatchObject({ receiver: '@zz', inbox: 1 });
    plant(runtimesDir(root), 120);
    const all = JSON.parse((await dispatch(root, ['status', '--json'])).stdout) as Record<string, unknown>;
    expect(all).toMatchObject({ unlisted_files: true, note: expect.stringContaining('count the names listed only') });
    const again = JSON.parse((await dispatch(root, ['status', '@zz', '--json'])).stdout) as { receivers: Record<string, unknown>[] };
    expect(again.receivers[0]).toMatchObject({ receiver: '@zz', inbox: 1 });
  });

  it('under the bound: no more_than, no unlisted_files, no note', async () => {
    setBusListMaxForTests(undefined);
    const { root } = makeBusWithRuntimes();
    plant(receiverPaths(root, 'zz').inbox, 120);
    const json = JSON.parse((await dispatch(root, ['status', '--json'])).stdout) as { receivers: Record<string, unknown>[] };
    expect(json).not.toHaveProperty('unlisted_files');
    expect(json).not.toHaveProperty('note');
    expect(json.receivers[0]).not.toHaveProperty('more_than');
  });
});
