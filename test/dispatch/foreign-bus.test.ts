/**
 * A `runtimes/` folder above the current one that another user made (in /tmp, a shared folder) is
 * not the bus: found by walking up, it took every message sent from below it (its owner read them,
 * and answered), and the SessionStart notice read its inbox. Only one of the user's own is found.
 */
import { describe, it, expect } from 'vitest';
import { chownSync, lchownSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existingBusRoot, findBusAncestor, resolveBusRoot } from '../../scripts/lib/bus/root.ts';
import { dispatch } from './helpers.ts';

function layout() {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-foreign-bus-')));
  mkdirSync(join(base, 'shared', 'runtimes', 'claude', 'inbox'), { recursive: true });
  mkdirSync(join(base, 'shared', 'project', 'src'), { recursive: true });
  return { base, shared: join(base, 'shared'), below: join(base, 'shared', 'project', 'src') };
}

describe('a runtimes/ folder above, of another user', () => {
  const me = process.getuid?.();

  it.runIf(me !== undefined)('is passed over by the walk up (the owner compared with the uid given)', () => {
    const { shared, below } = layout();
    expect(findBusAncestor(below, me)).toBe(shared);
    expect(findBusAncestor(below, me! + 1)).toBeUndefined();
  });

  it.runIf(me === 0)('owned by another uid (chown, as root): send from below makes its own bus, the notice reads none', () => {
    const { shared, below } = layout();
    chownSync(join(shared, 'runtimes'), 3000, 3000);
    expect(findBusAncestor(below)).toBeUndefined();
    expect(existingBusRoot(below, {})).toBeUndefined();
    expect(resolveBusRoot(undefined, below, {})).toBe(below);
    // Named on purpose, it is used: --root and HELLOWORLD_ROOT are the user's own choice.
    expect(resolveBusRoot(shared, below, {})).toBe(shared);
  });
});

describe('a link named runtimes/ above', () => {
  const me = process.getuid?.();
  // The link points at a folder the user owns: its target's owner says nothing of who made the link.
  function linked() {
    const base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-linked-bus-')));
    mkdirSync(join(base, 'mine', 'claude', 'inbox'), { recursive: true });
    mkdirSync(join(base, 'shared', 'project', 'src'), { recursive: true });
    symlinkSync(join(base, 'mine'), join(base, 'shared', 'runtimes'));
    return { link: join(base, 'shared', 'runtimes'), shared: join(base, 'shared'), below: join(base, 'shared', 'project', 'src') };
  }

  it.runIf(me === 0)("another user's (lchown, as root) is passed over, as their folder is: no command below it is blocked", async () => {
    const { link, below } = linked();
    lchownSync(link, 3000, 3000);
    expect(findBusAncestor(below)).toBeUndefined();
    expect(existingBusRoot(below, {})).toBeUndefined();
    expect(resolveBusRoot(undefined, below, {})).toBe(below);
  });

  it.runIf(me !== undefined)("the user's own is found, so a command there says the bus's runtimes/ is a link (unsafe_bus_folder)", async () => {
    const { shared, below } = linked();
    expect(findBusAncestor(below, me)).toBe(shared);
    expect(findBusAncestor(below, me! + 1)).toBeUndefined();
    const r = await dispatch(shared, ['inbox', '@claude', '--json']);
    expect(JSON.parse(r.stdout).error.code).toBe('unsafe_bus_folder');
  });
});
