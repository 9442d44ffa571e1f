/**
 * The walks over the receivers (busMessageIds, findMessage, the thread lookup, wait's search for a
 * receiver) list runtimes/ and each receiver folder within one budget per lookup (list-bound.ts
 * listBudget): they listed every name, and 200,000 folders planted in runtimes/ took each lookup
 * 1.5 s and wait's search 20 s. Past it the answers say the lookup was partial, in the words they
 * have for it (the id hint's, the thread lookup's unlisted_files).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, plantEmptyFiles } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { runtimesDir } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { busMessageIds } from '../../scripts/lib/bus/listed-receivers.ts';
import { setThreadScanMaxForTests, threadMembers } from '../../scripts/lib/bus/query.ts';

/** Every archive day (these tests plant none): busMessageIds lists those a lookup of an id reads. */
const ANY_DAY = { first: '', last: '9999-12-31' };
const MAX = 50;
const UNKNOWN = '01a24ae7-f4c4-7247-9188-ed8f0c568bd5';
beforeEach(() => setBusListMaxForTests(MAX));
afterEach(() => setThreadScanMaxForTests(undefined));

/** A bus with a message to @zz and `n` empty receiver folders planted in runtimes/. */
async function flooded(n: number): Promise<{ root: string; id: string }> {
  const { root } = makeBusWithRuntimes();
  const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'real', thread: 'review-7' });
  for (let i = 0; i < n; i++) mkdirSync(join(runtimesDir(root), `r${i}`));
  return { root, id: sent.id };
}

describe('lookups over a runtimes/ flooded with folders', () => {
  it('show and wait refuse an unknown id saying the lookup was partial; the thread lookup says unlisted_files', async () => {
    const { root } = await flooded(120);
    expect(busMessageIds(root, ANY_DAY).unlisted).toBe(true);
    const shown = JSON.parse((await dispatch(root, ['show', UNKNOWN, '--json'])).stdout) as { error: { code: string; message: string } };
    expect(shown.error).toMatchObject({ code: 'not_found', message: expect.stringContaining('the lookup was partial') });
    const waited = JSON.parse((await dispatch(root, ['wait', UNKNOWN, '--timeout', '0.2', '--json'])).stdout) as { error: { message: string } };
    expect(waited.error.message).toContain('the lookup was partial');
    setThreadScanMaxForTests(MAX / 10);
    expect(threadMembers(root, 'review-7').unlisted).toBe(true);
  });

  it('a receiver folder flooded with files still has its folders looked up by name, and the lookup says it was partial', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'zz', from: 'human', body: 'real' });
    plantEmptyFiles(join(runtimesDir(root), 'zz'), 120);
    const shown = await dispatch(root, ['show', sent.id, '--json']);
    expect(JSON.parse(shown.stdout)).toMatchObject({ ok: true });
    expect(busMessageIds(root, ANY_DAY, 'zz').unlisted).toBe(true);
  });

  it('under the bound: complete answers, nothing said', async () => {
    const { root, id } = await flooded(10);
    expect(busMessageIds(root, ANY_DAY)).toMatchObject({ unlisted: false });
    expect(busMessageIds(root, ANY_DAY).ids.has(id)).toBe(true);
    const shown = JSON.parse((await dispatch(root, ['show', UNKNOWN, '--json'])).stdout) as { error: { message: string } };
    expect(shown.error.message).not.toContain('the lookup was partial');
  });
});
