/**
 * v1 (format 1.1) capsules become bundles: `companion.md` — YAML frontmatter plus Markdown — is
 * turned into `context.manifest.yaml` (pure YAML: name, description, status, tags, sources,
 * decisions, and every other frontmatter key kept) and a `README.md` holding the body
 * (walnut-package-v2.md 9.2, v1 mapping). Nothing is lost: when the body has nowhere to go, or the
 * frontmatter cannot be read, companion.md stays.
 */
import { existsSync, readFileSync, statSync, writeFileSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { parseYamlQuietly } from '../yaml/parse.ts';
import { BUNDLE_MANIFEST } from '../walnut/layout.ts';
import { splitFrontmatter } from '../world/frontmatter.ts';

export const COMPANION = 'companion.md';

/**
 * Most companion.md converted, in one file and in all of one package's together. Its frontmatter is
 * parsed as YAML and everything is rewritten in memory: the parser takes some 300 bytes and 3 µs
 * per byte of frontmatter (a 4 MB list, a package of a few KB, took 14 s and 1.26 GB; 200 capsules
 * of 256 KiB, a 68 KB package, 175 s). Real ones are a few KB; what is past it is kept as it is.
 */
export const COMPANION_MAX_BYTES = 256 * 1024;

export interface CapsuleConversion {
  capsule: string;
  /** What happened, for the result's notes. */
  note: string;
}

function frontmatterObject(lines: string[]): Record<string, unknown> | undefined {
  try {
    // Written out again below: no alias may expand there (parse.ts).
    const v: unknown = parseYamlQuietly(lines.join('\n'), { aliases: false });
    if (v === null || v === undefined) return {};
    return typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** How much of a package's companion.md was converted so far. */
export interface CompanionBudget {
  converted: number;
}

/**
 * Converts the capsule folder `dir` in place (inside staging), within what `budget` leaves of
 * COMPANION_MAX_BYTES for the package's companions together (about 3.5 µs of CPU a byte).
 */
export function convertCapsule(dir: string, budget: CompanionBudget): CapsuleConversion {
  const name = basename(dir);
  const manifestPath = join(dir, BUNDLE_MANIFEST);
  const companionPath = join(dir, COMPANION);
  const minimal = () => `${stringifyYaml({ name, description: '', status: 'active', tags: [], sources: [], decisions: [] })}`;
  if (!existsSync(companionPath)) {
    if (!existsSync(manifestPath)) writeFileSync(manifestPath, minimal(), { flag: 'wx' });
    return { capsule: name, note: 'no companion.md; a minimal context.manifest.yaml was written' };
  }
  const bytes = statSync(companionPath).size;
  if (bytes > COMPANION_MAX_BYTES) {
    if (!existsSync(manifestPath)) writeFileSync(manifestPath, minimal(), { flag: 'wx' });
    return { capsule: name, note: `companion.md is larger than ${COMPANION_MAX_BYTES} bytes (${bytes}); it was kept as it is, not converted` };
  }
  if (budget.converted + bytes > COMPANION_MAX_BYTES) {
    if (!existsSync(manifestPath)) writeFileSync(manifestPath, minimal(), { flag: 'wx' });
    return {
      capsule: name,
      note: `the package's companion.md files converted before it hold ${budget.converted} bytes, and with its ${bytes} they would pass ${COMPANION_MAX_BYTES}; it was kept as it is, not converted`,
    };
  }
  budget.converted += bytes;
  const text = readFileSync(companionPath, 'utf8');
  const fm = splitFrontmatter(text);
  const doc = fm ? frontmatterObject(fm.lines) : {};
  if (doc === undefined) {
    if (!existsSync(manifestPath)) writeFileSync(manifestPath, minimal(), { flag: 'wx' });
    return { capsule: name, note: 'companion.md frontmatter is not readable YAML; it was kept as is' };
  }
  if (!existsSync(manifestPath)) {
    const { active_sessions: _sessions, type, name: n, description, goal, status, tags, sources, decisions, ...rest } = doc;
    const out: Record<string, unknown> = {
      name: typeof n === 'string' && n !== '' ? n : name,
      description: description ?? goal ?? '',
      status: status ?? 'active',
      tags: tags ?? [],
      ...(goal !== undefined && description !== undefined ? { goal } : {}),
      ...(type !== undefined && type !== 'capsule' ? { type } : {}),
      ...rest,
      sources: sources ?? [],
      decisions: decisions ?? [],
    };
    writeFileSync(manifestPath, stringifyYaml(out), { flag: 'wx' });
  }
  const body = (fm ? fm.body : text).trim();
  const readme = join(dir, 'README.md');
  if (body !== '' && existsSync(readme)) return { capsule: name, note: 'README.md already exists; companion.md was kept beside it' };
  if (body !== '') writeFileSync(readme, `${body}\n`, { flag: 'wx' });
  unlinkSync(companionPath);
  return { capsule: name, note: body !== '' ? 'companion.md became context.manifest.yaml and README.md' : 'companion.md became context.manifest.yaml' };
}
