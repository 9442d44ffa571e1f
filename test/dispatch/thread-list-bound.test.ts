/**
 * A thread lookup lists at most ten times the files it reads (THREAD_SCAN_MAX): readdirSync made
 * every name, and 1,000,000 empty files planted in an outbox took `thread` 11-13 s (1.0-1.3 s
 * bounded). Past that, the answer is partial and says so.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setThreadScanMaxForTests, threadMembers } from '../../scripts/lib/bus/query.ts';
import { threadTool } from '../../scripts/lib/bus/mcp/tools.ts';

const MAX = 10; // lists 100 names at most
afterEach(() => setThreadScanMaxForTests(undefined));

describe('a thread lookup on a folder flooded with file names', () => {
  it('stops listing past ten times THREAD_SCAN_MAX names and says more files were not read', async () => {
    const { root } = makeBus();
    await sendMessage({ root, to: 'claude', from: 'human', body: 'q', thread: 'review-42' });
    const outbox = receiverPaths(root, 'zz').outbox;
    mkdirSync(outbox, { recursive: true });
    for (let i = 0; i < 300; i++) closeSync(openSync(join(outbox, `msg-p${i}.hw`), 'w'));
    setThreadScanMaxForTests(MAX);
    const t = threadMembers(root, 'review-42');
    expect(t.unlisted).toBe(true);
    expect(t.unread).toBeLessThanOrEqual(100);

    const text = await dispatch(root, ['thread', 'review-42']);
    expect(text.stdout).toContain('note: more than ');
    expect(text.stdout).toContain(`a thread lookup lists at most ${MAX * 10} file names and reads the headers of at most ${MAX} files`);
    const json = JSON.parse((await dispatch(root, ['thread', 'review-42', '--json'])).stdout);
    expect(json).toMatchObject({ unlisted_files: true });
    expect(threadTool({ root, as: 'human' }, { id: 'review-42' })).toMatchObject({ unlisted_files: true });
  });
});
