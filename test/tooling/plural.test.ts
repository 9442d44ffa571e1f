/**
 * Counts the user reads are written "1 package", "2 packages": never "1 package(s)" or "1 files".
 * Checked on the source (every template that prints a count next to a noun) and on the helper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counted, noun } from '../../scripts/lib/text/plural.ts';

const LIB = join(import.meta.dirname, '..', '..', 'scripts', 'lib');
const files = readdirSync(LIB, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => join(LIB, f));

describe('counts and their nouns', () => {
  it('counted() agrees the noun with the number', () => {
    expect(counted(0, 'package')).toBe('0 packages');
    expect(counted(1, 'package')).toBe('1 package');
    expect(counted(2, 'file')).toBe('2 files');
    expect(counted(1, 'dead letter')).toBe('1 dead letter');
    expect(counted(3, 'process', 'processes')).toBe('3 processes');
    expect(noun(1, 'bundle')).toBe('bundle');
    expect(noun(0, 'is', 'are')).toBe('are');
  });

  it('no message prints "N thing(s)" or a count that may be 1 before a plural noun', () => {
    const found: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const line of text.split('\n')) {
        if (/^\s*(?:\/\/|\*|\/\*)/.test(line)) continue;
        // `${n} package(s)`, `${n} agent instruction/configuration file(s)`
        if (/\$\{[^}]+\}[^`$]*?[a-z](?<!http)\(s\)/.test(line)) found.push(`${relative(LIB, file)}: ${line.trim()}`);
        // `${r.files} files`, `${waiting.length} packages`: a count of things, printed with a fixed plural
        if (/\$\{[\w.!]*(?:files|length|count|size|pending_packages)\} (?:files|packages|messages|peers|tasks|bundles)\b/.test(line))
          found.push(`${relative(LIB, file)}: ${line.trim()}`);
        // `file${n === 1 ? '' : 's'}`: a plural made by hand, where counted() or noun() says it once
        if (/\?\s*(['"])\1\s*:\s*(['"])s\2|\?\s*(['"])s\3\s*:\s*(['"])\4/.test(line)) found.push(`${relative(LIB, file)}: ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});
