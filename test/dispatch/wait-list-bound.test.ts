/**
 * A wait (`wait`, `send --wait`, the MCP `wait` tool) lists the responder's outbox and archive at
 * most busListMax names at a time (list-bound.ts): it lists them on every look (once a second), and
 * 1,000,000 empty files planted in an outbox took each look 0.5-0.8 s (90 ms now). When it times
 * out with a folder past the bound it says the answer may be among the names not listed
 * (`unlisted_files: true`, a note), and never that the request was closed without an answer.
 */
import { closeSync, mkdirSync, openSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';
import { archiveDayDir, receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const connect = mcpToolCallers();
const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

/** A request to @zz whose outbox holds 120 planted files that are not messages. */
async function flooded(): Promise<{ root: string; id: string }> {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'q' });
  const { outbox } = receiverPaths(root, 'zz');
  mkdirSync(outbox, { recursive: true });
  for (let i = 0; i < 120; i++) closeSync(openSync(join(outbox, `other-${i}`), 'w'));
  return { root, id: sent.id };
}

describe('a wait whose responder has an outbox flooded with file names', () => {
  it('times out saying the answer may be among the names not listed (wait, send --wait, the MCP tool)', async () => {
    const { root, id } = await flooded();
    const r = await dispatch(root, ['wait', id, '--timeout', '0.2', '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { error: { code: string; message: string }; unlisted_files: boolean };
    expect(out.error.code).toBe('timeout');
    expect(out.unlisted_files).toBe(true);
    expect(out.error.message).toContain('outbox or archive holds more files than the wait looked through');
    const sent = await dispatch(root, ['send', '@zz', 'again', '--wait', '0.2', '--json']);
    expect(JSON.parse(sent.stdout)).toMatchObject({
      unlisted_files: true,
      error: { code: 'timeout', message: expect.stringContaining('may be among the rest') },
    });
    const call = await connect(root, '@human');
    const tool = (await call('wait', { id, receiver: '@zz', timeout_s: 0.2 })).structuredContent as Record<string, unknown>;
    expect(tool).toMatchObject({ status: 'timed-out', unlisted_files: true, note: expect.stringContaining('may be among the rest') });
  });

  it('a request archived with no answer listed is not taken as closed without an answer', async () => {
    const { root, id } = await flooded();
    const paths = receiverPaths(root, 'zz');
    const day = archiveDayDir(paths, new Date());
    mkdirSync(day, { recursive: true });
    renameSync(join(paths.inbox, messageFileName(id)), join(day, messageFileName(id)));
    const r = await dispatch(root, ['wait', id, '--timeout', '1.6', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ unlisted_files: true, error: { code: 'timeout' } });
  });

  it('under the bound: a plain time-out', async () => {
    setBusListMaxForTests(undefined);
    const { root, id } = await flooded();
    const out = JSON.parse((await dispatch(root, ['wait', id, '--timeout', '0.2', '--json'])).stdout) as Record<string, unknown>;
    expect(out).not.toHaveProperty('unlisted_files');
    expect(JSON.stringify(out)).not.toContain('may be among the rest');
  });
});
