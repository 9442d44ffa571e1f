/**
 * The `processing` count of inbox (the command and the MCP tool) lists at most busListMax names of
 * processing/ (list-bound.ts): it listed every name, and 1,000,000 empty files planted there took
 * each count 0.9 s. Past the bound the count is among the names listed: `more_than`, as a status
 * row gives it, `unlisted_files: true` and a note (text: 'more than N files').
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, plantEmptyFiles as plant } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const connect = mcpToolCallers();
const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

describe('inbox with processing/ flooded with file names', () => {
  it('says its processing count is among the names listed (text, --json, the MCP tool)', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
    plant(receiverPaths(root, 'zz').processing, 120);
    const text = await dispatch(root, ['inbox', '@zz']);
    expect(text.stderr).toContain(`warning: @zz's processing holds more than ${MAX} files`);
    expect(text.stdout).toContain(`1 message waiting for @zz, 0 (more than ${MAX} files) being handled`);
    const json = JSON.parse((await dispatch(root, ['inbox', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      processing: 0,
      more_than: { processing: MAX },
      unlisted_files: true,
      note: expect.stringContaining('processing counts the claims'),
    });
    const call = await connect(root, '@human');
    const tool = (await call('inbox', { receiver: '@zz' })).structuredContent as Record<string, unknown>;
    expect(tool).toMatchObject({
      processing: 0,
      more_than: { processing: MAX },
      unlisted_files: true,
      note: expect.stringContaining("@zz's processing holds more than"),
    });
  });

  it('under the bound: no more_than, no unlisted_files, no note', async () => {
    const { root } = makeBusWithRuntimes();
    await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
    plant(receiverPaths(root, 'zz').processing, 30);
    const json = JSON.parse((await dispatch(root, ['inbox', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(json.processing).toBe(0);
    expect(json).not.toHaveProperty('more_than');
    expect(json).not.toHaveProperty('unlisted_files');
    expect(json).not.toHaveProperty('note');
  });
});
