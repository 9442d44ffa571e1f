/**
 * A package's listed files can hold `.alive/`, or `01_Archive/` beside `02_Life/`, in a folder that
 * is no walnut: the hooks and receive then take that folder of the extract's output for a world
 * (world/root.ts). extract writes them (a faithful copy) but said nothing, as it says of agent files
 * and version-control folders (a review of 2026-12-07). It now names such folders in a warning and
 * in `world_markers` under --json; a walnut's own `.alive/` (its sessions) is not one.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { worldLookalikes } from '../../scripts/lib/package/world-markers.ts';
import { rmrf, sandboxEnv, tempRoot } from './helpers.ts';

const root = tempRoot('extract-world-markers');
afterAll(() => rmrf(root));

describe('folders a package makes look like a world', () => {
  it('are the folders holding .alive/, or 01_Archive/ with 02_Life/, that are no walnut, in any case', () => {
    expect(
      worldLookalikes([
        'proj/.alive/x.md',
        'other/01_Archive/a.md',
        'other/02_life/b.md',
        'half/01_Archive/a.md',
        'wal/.alive/sessions/s.md',
        'wal/_kernel/key.md',
        '.ALIVE/top.md',
        'notes/alive/n.md',
        // The hooks' walnut check is exact (is-walnut.ts): a key file spelt otherwise makes no walnut.
        'sub/.alive/s.md',
        'sub/_KERNEL/key.md',
      ]),
    ).toEqual(['', 'other', 'proj', 'sub']);
  });

  it('extract names them in a warning and in world_markers, and writes them as it writes every file', async () => {
    const walnut = join(root, 'w');
    const files = {
      '_kernel/key.md': '---\ntype: venture\ngoal: g\n---\n',
      'proj/.alive/x.md': 'x\n',
      'other/01_Archive/a.md': 'a\n',
      'other/02_Life/b.md': 'b\n',
    };
    for (const [p, text] of Object.entries(files)) {
      mkdirSync(dirname(join(walnut, p)), { recursive: true });
      writeFileSync(join(walnut, p), text);
    }
    const env = sandboxEnv(root);
    const pkg = join(root, 'w.walnut');
    const made = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg], env);
    expect(made.status, made.stderr).toBe(0);
    const text = await aliveInProcess(['extract', pkg, '--output', join(root, 'out')], env);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stderr).toContain(
      "holds 2 folders that the hooks and receive would take for a world ('other', 'proj'): each holds .alive/, or 01_Archive/ with 02_Life/, from this package. Move or delete those folders before working there",
    );
    const json = await aliveInProcess(['extract', pkg, '--output', join(root, 'out-json'), '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, world_markers: ['other', 'proj'] });
  });
});
