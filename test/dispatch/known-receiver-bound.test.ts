/**
 * Whether a receiver exists (every send, and inbox, claim, status, dead-letter for an empty answer)
 * listed every folder of runtimes/, unbounded, to find the name among them: any bus writer can make
 * any number, and each call made every name (a million of them, every MCP send). A receiver whose
 * folder is there is known by looking it up; only a name that is not there lists runtimes/, for the
 * name like it, within busListMax names. The work is counted (the listings of runtimes/ and the names
 * they made: test/support/fs-calls.ts), not timed.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsCallsDuring } from '../support/fs-calls.ts';
import { makeBusWithRuntimes } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { runtimesDir } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { unknownReceiver } from '../../scripts/lib/bus/receivers.ts';

const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));
afterEach(() => setBusListMaxForTests(undefined));

async function crowded(): Promise<string> {
  const { root } = makeBusWithRuntimes();
  await sendMessage({ root, to: 'zz', from: 'human', body: 'q' });
  for (let i = 0; i < 300; i++) mkdirSync(join(runtimesDir(root), `r${i}`));
  return root;
}

describe('is there such a receiver, on a runtimes/ crowded with folders', () => {
  it('a receiver whose folder is there: runtimes/ is not listed', async () => {
    const root = await crowded();
    const { result, calls } = await fsCallsDuring(() => unknownReceiver(root, 'zz'));
    expect(result).toBeUndefined();
    expect(calls.count('listing', runtimesDir(root))).toBe(0);
  });

  it('a name that is not there: runtimes/ listed within the bound, and the name like it still found among those', async () => {
    const root = await crowded();
    const { result, calls } = await fsCallsDuring(() => unknownReceiver(root, 'r1x'));
    expect(result?.text).toContain('there is no receiver @r1x');
    expect(calls.count('listing', runtimesDir(root))).toBeGreaterThan(0);
    // MAX names, and one more read to know that runtimes/ holds more (fsutil.ts direntsUpTo).
    expect(calls.count('name', runtimesDir(root))).toBeLessThanOrEqual(MAX + 1);
  });
});
