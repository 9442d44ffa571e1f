/**
 * `dispatch serve @claude --agent echo --root /tmp/bsu1` (a typo), or serve from the wrong folder,
 * made a new, empty bus and served it in silence: sends to the real bus went unanswered. serve now
 * says when it created the bus, as send does (newBusNote).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';

describe('serve where no bus is', () => {
  it('warns that it created a new bus, naming --root', async () => {
    const { root } = makeBus();
    const r = await dispatch(root, ['serve', '@claude', '--agent', 'echo', '--once']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`warning: created a new bus at ${root}/runtimes: --root ${root} held no runtimes/ folder; check the path\n`);
    // Said before the line that says what it serves, where an operator looks first.
    expect(r.stderr.indexOf('created a new bus')).toBeLessThan(r.stderr.indexOf('serving @claude'));
  });

  it('says nothing of it when runtimes/ was there', async () => {
    const { root } = makeBus();
    mkdirSync(join(root, 'runtimes'), { recursive: true });
    const r = await dispatch(root, ['serve', '@claude', '--agent', 'echo', '--once']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('new bus');
  });

  it('says nothing of it when serve is refused before it starts', async () => {
    const { root } = makeBus();
    const r = await dispatch(root, ['serve', '@gemini', '--agent', 'no-such-agent-program-xyz', '--once']);
    expect(r.status).toBe(1);
    expect(r.stderr).not.toContain('new bus');
  });
});
