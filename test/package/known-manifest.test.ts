/**
 * receive reads the clear manifest first, then the whole package: the second read takes the
 * parsed manifest only when the package's manifest.yaml is byte for byte the text it came from.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlainPackage } from '../../scripts/lib/package/create.ts';
import { readPackageHead } from '../../scripts/lib/package/info.ts';
import { DEFAULT_MAX_SIZE } from '../../scripts/lib/package/limits.ts';
import { readPackage } from '../../scripts/lib/package/read-package.ts';
import { hashOnlySink } from '../../scripts/lib/package/sinks.ts';
import { rmrf, tempRoot } from './helpers.ts';

let root: string;
let pkg: string;
beforeAll(async () => {
  root = tempRoot('known');
  const walnut = join(root, 'w');
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), '---\ntype: venture\n---\n# W\n');
  writeFileSync(join(walnut, 'notes.md'), 'notes\n');
  pkg = join(root, 'w.walnut');
  await createPlainPackage({ walnut, scope: 'full', bundles: [], output: pkg, allowSensitive: false });
});
afterAll(() => rmrf(root));

describe('knownManifest', () => {
  it('is used when the text is the same', async () => {
    const head = await readPackageHead(pkg);
    const known = { text: head.text!, manifest: head.manifest! };
    const read = await readPackage(pkg, hashOnlySink, { maxBytes: DEFAULT_MAX_SIZE, knownManifest: known });
    expect(read.manifest).toBe(known.manifest);
  });

  it('is ignored when the text differs, so a package is always checked against its own manifest', async () => {
    const head = await readPackageHead(pkg);
    const other = { ...head.manifest!, files: [] };
    const read = await readPackage(pkg, hashOnlySink, { maxBytes: DEFAULT_MAX_SIZE, knownManifest: { text: `${head.text!} `, manifest: other } });
    expect(read.manifest).not.toBe(other);
    expect(read.manifest.files.map((f) => f.path)).toContain('notes.md');
  });
});
