/** Shared fixtures for the receive tests: worlds, walnuts, hand-built packages, tree snapshots. */
import { mkdtempSync, mkdirSync, writeFileSync, readdirSync, readFileSync, lstatSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundlePath } from '../support/bundles.ts';
import { writeTarGz } from '../../scripts/lib/package/archive-out.ts';
import { serializeManifest, utcStamp, type Scope } from '../../scripts/lib/package/manifest.ts';
import { filesDigestV3 } from '../../scripts/lib/package/v3.ts';
import { receivePackage } from '../../scripts/lib/receive/receive.ts';
import { agentFileRule } from '../../scripts/lib/walnut/agent-files.ts';
import { expect } from 'vitest';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function tmp(tag = 'recv'): string {
  return mkdtempSync(join(tmpdir(), `alive-${tag}-`));
}

/** Env for anything that could look at home folders. */
export function testEnv(base: string): NodeJS.ProcessEnv {
  const home = join(base, 'home');
  mkdirSync(home, { recursive: true });
  return { ...process.env, ALIVE_HOME: join(home, '.alive'), HOME: home, ALIVE_SESSION_ID: 'test-session', ALIVE_DEBUG: '' };
}

export type Layout = 'v2' | 'v3';

export function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
}

export interface WalnutSpec {
  layout: Layout;
  bundles?: Record<string, Record<string, string>>;
  live?: Record<string, string>;
  key?: string;
  log?: string;
  insights?: string;
}

export function makeWalnut(dir: string, spec: WalnutSpec): string {
  write(join(dir, '_kernel', 'key.md'), spec.key ?? `---\ntype: venture\ngoal: test goal\nphase: building\n---\n# ${dir}\n`);
  if (spec.log !== undefined) write(join(dir, '_kernel', 'log.md'), spec.log);
  if (spec.insights !== undefined) write(join(dir, '_kernel', 'insights.md'), spec.insights);
  if (spec.layout === 'v2') mkdirSync(join(dir, '_kernel', '_generated'), { recursive: true });
  else write(join(dir, '_kernel', 'now.json'), '{"phase":"building"}\n');
  for (const [name, files] of Object.entries(spec.bundles ?? {})) {
    const b = spec.layout === 'v2' ? join(dir, 'bundles', name) : join(dir, name);
    write(join(b, 'context.manifest.yaml'), `goal: ${name}\nstatus: active\n`);
    for (const [p, c] of Object.entries(files)) write(join(b, p), c);
  }
  if (spec.layout === 'v2') mkdirSync(join(dir, 'bundles'), { recursive: true });
  for (const [p, c] of Object.entries(spec.live ?? {})) write(join(dir, p), c);
  return dir;
}

/** A world with `.alive/`, the usual domains, and (optionally) one walnut showing a layout. */
export function makeWorld(base: string, opts: { layout?: Layout; inbox?: '03_Inbox' | '03_Inputs' | null } = {}): string {
  const world = join(base, 'world');
  mkdirSync(join(world, '.alive'), { recursive: true });
  for (const d of ['01_Archive', '02_Life', '04_Ventures', '05_Experiments']) mkdirSync(join(world, d), { recursive: true });
  if (opts.inbox !== null) mkdirSync(join(world, opts.inbox ?? '03_Inbox'));
  if (opts.layout) makeWalnut(join(world, '04_Ventures', 'existing'), { layout: opts.layout, bundles: { alpha: { 'notes.md': 'alpha\n' } } });
  return world;
}

/** Every file and folder under `dir` (relative path → sha256 of content, or 'dir'). */
export function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (abs: string, rel: string) => {
    for (const e of readdirSync(abs, { withFileTypes: true })) {
      const a = join(abs, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        out.set(r, 'dir');
        walk(a, r);
      } else if (e.isSymbolicLink()) out.set(r, 'symlink');
      else if (!e.isFile()) out.set(r, 'special');
      else out.set(r, createHash('sha256').update(readFileSync(a)).digest('hex'));
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

export function filesOnly(t: Map<string, string>): Map<string, string> {
  return new Map([...t].filter(([, v]) => v !== 'dir'));
}

/** Files of a tree under `prefix`, re-keyed relative to it. */
export function subtree(t: Map<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of t) if (k.startsWith(`${prefix}/`) && v !== 'dir') out.set(k.slice(prefix.length + 1), v);
  return out;
}

export const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

export type PackageFiles = Record<string, string | Buffer>;

/** Writes a .walnut (gzip tar) holding manifest.yaml first, then `files` in the given order. */
export async function writePackage(path: string, manifestText: string, files: PackageFiles): Promise<string> {
  await writeTarGz(path, async (tar) => {
    const m = Buffer.from(manifestText);
    await tar.addFile({ path: 'manifest.yaml', size: m.length, mode: 0o644, mtimeSec: 1_700_000_000 }, m);
    for (const [p, c] of Object.entries(files)) {
      const b = Buffer.from(c);
      await tar.addFile({ path: p, size: b.length, mode: 0o644, mtimeSec: 1_700_000_000 }, b);
    }
  });
  return path;
}

export function listing(files: PackageFiles) {
  return Object.entries(files)
    .map(([path, c]) => ({ path, sha256: sha(Buffer.from(c)), size: Buffer.from(c).length }))
    .sort((a, b) => Buffer.compare(Buffer.from(a.path), Buffer.from(b.path)));
}

/** A 2.0 manifest in the reference's layout (our own writer). */
export function v2Manifest(walnut: string, scope: Scope, files: PackageFiles, extra: { bundles?: string[]; description?: string } = {}): string {
  return serializeManifest({
    walnut,
    scope,
    created: utcStamp(new Date('2026-03-01T10:00:00Z')),
    encrypted: false,
    files: listing(files),
    pluginVersion: '2.0.0',
    ...(extra.bundles ? { bundles: extra.bundles } : {}),
    ...(extra.description ? { description: extra.description } : {}),
  });
}

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;

/**
 * A 2.1.0 manifest in v3's dialect (walnut-v3-notes.md 1.4): field order, every string
 * double-quoted, nested maps alphabetical, `key: []` for empty lists, payload_sha256 over files.
 */
export function v3Manifest(
  walnut: string,
  scope: Scope,
  files: PackageFiles,
  extra: { bundles?: string[]; sender?: string; description?: string; sourceLayout?: string; substitutions?: string[] } = {},
): string {
  const list = listing(files);
  const lines = [
    `format_version: "2.1.0"`,
    `source_layout: ${q(extra.sourceLayout ?? 'v3')}`,
    `min_plugin_version: "3.1.0"`,
    `created: "2026-04-13T09:00:00Z"`,
    `scope: ${q(scope)}`,
    'source:',
    `  engine: "claude-code"`,
    `  plugin_version: "3.1.0"`,
    `  session_id: "sess-1"`,
    `  walnut: ${q(walnut)}`,
    `sender: ${q(extra.sender ?? 'patrick')}`,
    `description: ${q(extra.description ?? '')}`,
    `note: ""`,
    'exclusions_applied: []',
  ];
  const subs = extra.substitutions ?? [];
  if (subs.length === 0) lines.push('substitutions_applied: []');
  else {
    lines.push('substitutions_applied:');
    for (const s of subs) lines.push(`  - path: ${q(s)}`, `    reason: "baseline-stub"`);
  }
  if (scope === 'bundle') {
    lines.push('bundles:');
    for (const b of extra.bundles ?? []) lines.push(`  - ${q(b)}`);
  }
  lines.push(`payload_sha256: ${q(filesDigestV3(list))}`);
  lines.push('files:');
  for (const f of list) lines.push(`  - path: ${q(f.path)}`, `    sha256: ${q(f.sha256)}`, `    size: ${f.size}`);
  lines.push(`encryption: "none"`);
  return `${lines.join('\n')}\n`;
}

/**
 * A 1.1.0 manifest as the v1 plugin's packages are described (walnut-package-v2.md 9.2): the 2.0
 * line layout with format_version 1.1.0, `_core/` paths, and `scope: capsule` for capsules.
 */
export function v1Manifest(walnut: string, scope: 'full' | 'capsule' | 'snapshot', files: PackageFiles, capsules?: string[]): string {
  const lines = [
    `format_version: "1.1.0"`,
    '',
    'source:',
    `  walnut: ${walnut}`,
    `  plugin_version: "1.1.0"`,
    '',
    `scope: ${scope}`,
    `created: "2025-11-01T08:00:00Z"`,
    'encrypted: false',
    '',
    'files:',
  ];
  for (const f of listing(files)) lines.push(`  - path: ${f.path}`, `    sha256: ${f.sha256}`, `    size: ${f.size}`);
  if (capsules) {
    lines.push('', 'capsules:');
    for (const c of capsules) lines.push(`  - ${c}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The real alive-p2p CLI: this run's bundle of the source (test/support/bundles.ts). */
export async function cliBundle(): Promise<string> {
  return bundlePath('alive-p2p');
}

export function isDir(p: string): boolean {
  try {
    return lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A full-scope v2 package of walnut `fine` holding `files`, received into a fresh v2 world:
 * the receive's result and the received walnut's folder.
 */
export async function receiveFilesIntoNewWorld(files: PackageFiles) {
  const base = tmp();
  const world = makeWorld(base, { layout: 'v2' });
  const pkg = await writePackage(join(base, 'p.walnut'), v2Manifest('fine', 'full', files), files);
  const r = await receivePackage({ packagePath: pkg, world, maxBytes: 1 << 30, env: testEnv(base) });
  return { r, walnut: join(world, '03_Inbox', 'fine') };
}

/** Each `[path, rule]`: `path` falls under the agent-file list entry `rule`, at the root, nested deep and in upper case. */
export function expectAgentFileRules(cases: readonly (readonly [string, string])[]): void {
  for (const [path, rule] of cases) {
    expect(agentFileRule(path)?.name, path).toBe(rule);
    expect(agentFileRule(`bundles/b/deep/${path}`)?.name, `nested ${path}`).toBe(rule);
    expect(agentFileRule(`Notes/Deep/${path.toUpperCase()}`)?.name, `upper-case ${path}`).toBe(rule);
  }
}
