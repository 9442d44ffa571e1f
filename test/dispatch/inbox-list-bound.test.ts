/**
 * `inbox` and `claim` (the commands and the MCP tools) list at most busListMax names of an inbox
 * (list-bound.ts): readdirSync made every name, and 1,000,000 empty files planted in an inbox took
 * `dispatch inbox --json` 45 s and 3.8 GB. Past the bound the answer says it is partial
 * (`unlisted_files: true`, a note), and nothing is moved for the names not listed.
 */
import { closeSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const connect = mcpToolCallers();
const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

/** @zz with one real message and 120 planted files that are not messages (`other-N`). */
async function flooded(): Promise<{ root: string; inbox: string }> {
  const { root } = makeBusWithRuntimes();
  await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
  const inbox = receiverPaths(root, 'zz').inbox;
  mkdirSync(inbox, { recursive: true });
  for (let i = 0; i < 120; i++) closeSync(openSync(join(inbox, `other-${i}`), 'w'));
  return { root, inbox };
}

describe('an inbox flooded with file names', () => {
  it('inbox lists among the first names only and says so (text, --json, the MCP tool)', async () => {
    const { root } = await flooded();
    const text = await dispatch(root, ['inbox', '@zz']);
    expect(text.status).toBe(0);
    expect(text.stderr).toContain(`warning: @zz's inbox holds more than ${MAX} files, and a listing stops at ${MAX} names`);
    const json = JSON.parse((await dispatch(root, ['inbox', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ unlisted_files: true, note: expect.stringContaining('more may wait') });
    const call = await connect(root, '@human');
    const tool = (await call('inbox', { receiver: '@zz' })).structuredContent as Record<string, unknown>;
    expect(tool).toMatchObject({ unlisted_files: true, note: expect.stringContaining('total is at least that many') });
  });

  it('claim looks among the first names listed and says so; what it did not list stays in the inbox', async () => {
    const { root, inbox } = await flooded();
    const r = await dispatch(root, ['claim', '@zz', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { claimed: boolean; unlisted_files: boolean; note: string };
    expect(json.unlisted_files).toBe(true);
    expect(json.note).toContain(json.claimed ? 'not surely the oldest waiting' : 'some may wait among the rest');
    expect(readdirSync(inbox).filter((n) => n.startsWith('other-'))).toHaveLength(120);
    const call = await connect(root, '@human');
    const tool = (await call('claim', { receiver: '@zz' })).structuredContent as Record<string, unknown>;
    expect(tool.unlisted_files).toBe(true);
  });

  it('an inbox under the bound: no unlisted_files, no note', async () => {
    setBusListMaxForTests(undefined);
    const { root } = await flooded();
    const json = JSON.parse((await dispatch(root, ['inbox', '@zz', '--json'])).stdout) as Record<string, unknown>;
    expect(json).not.toHaveProperty('unlisted_files');
    expect(json).not.toHaveProperty('note');
  });
});
