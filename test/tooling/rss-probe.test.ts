/**
 * bench/rss-probe.mjs, which the benchmarks and the streaming memory test read peak RSS through,
 * reports the measured process's own peak, not the one of the process that started it. A child's
 * getrusage maxRSS also counts the copy of its parent it was forked from (Linux keeps the larger
 * high-water mark across exec): spawned from a vitest worker or the benchmark runner holding
 * 200 MB, a process that never held 60 MB reported over 200 MB.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const probe = join(import.meta.dirname, '..', '..', 'bench', 'rss-probe.mjs');
const dir = mkdtempSync(join(tmpdir(), 'alive-rss-probe-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs a parent process that holds `parentMb` MiB (written, so resident) and starts `node
 * --import rss-probe.mjs` on a script that allocates `childMb` MiB; returns what the probe wrote (MiB).
 */
function probedPeak(parentMb: number, childMb: number): number {
  const child = join(dir, `child-${childMb}.mjs`);
  writeFileSync(child, `globalThis.kept = Buffer.alloc(${childMb} * 1024 * 1024, 1);\n`);
  const rssFile = join(dir, `rss-${parentMb}-${childMb}`);
  const parent = join(dir, 'parent.mjs');
  writeFileSync(
    parent,
    [
      "import { spawnSync } from 'node:child_process';",
      `const held = Buffer.alloc(${parentMb} * 1024 * 1024, 1);`,
      `const r = spawnSync(process.execPath, ['--import', ${JSON.stringify(probe)}, ${JSON.stringify(child)}], { env: { ...process.env, ALIVE_BENCH_RSS_FILE: ${JSON.stringify(rssFile)} } });`,
      'process.exitCode = r.status ?? 1;',
      'held.fill(2);',
    ].join('\n'),
  );
  const r = spawnSync(process.execPath, [parent], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return Number(readFileSync(rssFile, 'utf8').trim()) / 1024;
}

describe('bench/rss-probe.mjs', () => {
  it("reports the process's own peak, whatever its parent holds", () => {
    // Sizes as small as the point allows (each MiB is written, so resident): the parent's 160 MiB
    // past the 120 allowed, the child's 20 MiB and Node itself well under it.
    const fromSmallParent = probedPeak(0, 20);
    const fromLargeParent = probedPeak(160, 20);
    // Node itself and 20 MiB: well under 120 MiB, and the same from either parent.
    expect(fromSmallParent).toBeGreaterThan(20);
    expect(fromLargeParent, `a child holding 20 MiB reported ${fromLargeParent.toFixed(0)} MiB`).toBeLessThan(120);
    expect(Math.abs(fromLargeParent - fromSmallParent)).toBeLessThan(20);
  });

  it('still sees what the process itself allocates', () => {
    expect(probedPeak(0, 100)).toBeGreaterThan(100);
  });
});
