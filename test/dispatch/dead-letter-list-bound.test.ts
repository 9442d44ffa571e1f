/**
 * `dead-letter` (the command and the MCP tool) lists at most busListMax names of dead-letter/
 * (list-bound.ts): 1,000,000 empty files planted there took `dead-letter --json` 21 s and 794 MB.
 * Past the bound the answer says it is partial (`unlisted_files: true`, a note).
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const connect = mcpToolCallers();

describe('a dead-letter folder flooded with file names', () => {
  it('lists among the first names only and says so (text, --json, the MCP tool)', async () => {
    const { root } = makeBusWithRuntimes();
    const dir = receiverPaths(root, 'zz').deadLetter;
    mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 80; i++) closeSync(openSync(join(dir, `other-${i}`), 'w'));
    setBusListMaxForTests(30);
    const text = await dispatch(root, ['dead-letter', '@zz']);
    expect(text.stderr).toContain("warning: @zz's dead-letter holds more than 30 files, and a listing stops at 30 names");
    const json = JSON.parse((await dispatch(root, ['dead-letter', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ unlisted_files: true, note: expect.stringContaining('there may be more') });
    const call = await connect(root, '@human');
    const tool = (await call('dead_letters', { receiver: '@zz' })).structuredContent as Record<string, unknown>;
    expect(tool).toMatchObject({ unlisted_files: true, note: expect.stringContaining('total is at least that many') });
    setBusListMaxForTests(undefined);
    expect(JSON.parse((await dispatch(root, ['dead-letter', '@zz', '--json'])).stdout)).not.toHaveProperty('unlisted_files');
  });
});
