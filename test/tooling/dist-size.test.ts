/**
 * What the marketplace ships stays lean (issue 15: dist/ at most 2 MB): the bundles of this run,
 * built with npm run build's options. The command entries other than alive-p2p and dispatch are
 * split with the commands, so tar, yaml, zod and Octokit sit once, in chunks they share.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleDir, bundlePath } from '../support/bundles.ts';

function sizeOf(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) total += sizeOf(path);
    else if (e.name.endsWith('.mjs')) total += statSync(path).size;
  }
  return total;
}

describe('dist/ as built', () => {
  // 2 MB as in megabytes, 2,000,000 bytes (until 2026-12-06 read as 2 MiB, 2,097,152 bytes, which
  // dist/ at 2,089,518 bytes met and 2,000,000 did not).
  it('is at most 2 MB (2,000,000 bytes) in all', () => {
    expect(sizeOf(bundleDir())).toBeLessThanOrEqual(2_000_000);
  });

  it('relay-probe and migrate-relay are small entries that load the chunks they share', () => {
    for (const name of ['relay-probe', 'migrate-relay']) expect(statSync(bundlePath(name)).size, name).toBeLessThan(16 * 1024);
  });
});
