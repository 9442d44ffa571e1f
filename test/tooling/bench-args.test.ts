/** `npm run bench -- --only AREA`: a misspelt area is refused, not a run of nothing that reads as passing. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..', '..');

describe('bench --only', () => {
  it('refuses an area that does not exist, naming the areas, and runs nothing', () => {
    const r = spawnSync(join(repo, 'node_modules', '.bin', 'tsx'), [join(repo, 'bench', 'run.ts'), '--only', 'package'], { encoding: 'utf8', cwd: repo });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown benchmark area 'package': the areas are pack, /);
    expect(r.stderr).not.toMatch(/running .* benchmarks/);
  });
});
