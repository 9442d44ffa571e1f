/**
 * An id prefix, and the hint for an id that names nothing, list at most busListMax names of the
 * bus in all (listed-receivers.ts busMessageIds, list-bound.ts): they listed every name, and
 * 1,000,000 empty files planted in an outbox took each lookup 0.5 s (`show` of an unknown prefix,
 * two lookups, 1.6 s; 0.5 s now). An ambiguous prefix, or a hint, from a partial lookup says so.
 */
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';

const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

/** Two requests to @zz whose ids share their first 8 hex digits, and 120 planted files in its outbox. */
async function flooded(): Promise<{ root: string; prefix: string }> {
  const { root } = makeBusWithRuntimes();
  const a = await sendMessage({ root, to: 'zz', from: 'human', body: 'one' });
  const b = await sendMessage({ root, to: 'zz', from: 'human', body: 'two' });
  expect(a.id.slice(0, 8)).toBe(b.id.slice(0, 8));
  const { outbox } = receiverPaths(root, 'zz');
  mkdirSync(outbox, { recursive: true });
  for (let i = 0; i < 120; i++) closeSync(openSync(join(outbox, `other-${i}`), 'w'));
  return { root, prefix: a.id.slice(0, 8) };
}

describe('an id lookup on a bus flooded with file names', () => {
  it('an ambiguous prefix says the lookup was partial', async () => {
    const { root, prefix } = await flooded();
    const r = await dispatch(root, ['show', prefix, '--json']);
    expect(r.status).toBe(2);
    const err = (JSON.parse(r.stdout) as { error: { code: string; message: string } }).error;
    expect(err.code).toBe('ambiguous');
    expect(err.message).toContain(`is the start of 2 or more message ids`);
    expect(err.message).toContain(`the lookup was partial: a folder of the bus holds more than ${MAX} files`);
  });

  it('the hint for an id that names nothing says the lookup was partial', async () => {
    const { root } = await flooded();
    const r = await dispatch(root, ['show', 'deadbeef-0000']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('Nothing like it was found, but the lookup was partial');
  });

  it('under the bound: no word of a partial lookup', async () => {
    setBusListMaxForTests(undefined);
    const { root, prefix } = await flooded();
    const r = await dispatch(root, ['show', prefix]);
    expect(r.stderr).toContain('is the start of 2 message ids');
    expect(r.stderr).not.toContain('partial');
    expect((await dispatch(root, ['show', 'deadbeef-0000'])).stderr).not.toContain('partial');
  });
});
