/**
 * Writes packages of the v3 generation, format 2.1.0 (walnut-v3-notes.md 1.2, 1.4, 1.7), so the
 * v3 plugin opens them: the flat layout (bundles at the package root), a generated README.md
 * primer, the v3 manifest dialect with its files digest, and the v3 envelopes — the whole file
 * as `openssl enc` output for a passphrase, an uncompressed tar of rsa-envelope-v1.json and
 * payload.enc (one AES key wrapped for every recipient) for RSA.
 */
import { createReadStream, statSync } from 'node:fs';
import { createHash, randomBytes, type KeyObject } from 'node:crypto';
import { AliveError } from '../errors.ts';
import { ALIVE_VERSION } from '../version.ts';
import { createAesCbcEncryptStream } from '../crypto/aes-cbc.ts';
import { createPassphraseEncryptStream } from '../crypto/passphrase.ts';
import { buildRsaEnvelopeV1 } from '../crypto/rsa.ts';
import { placeNewFile, writeTarFile, writeTarGz, type WrittenArchive } from './archive-out.ts';
import { writeCipheredTarGz } from './encrypt.ts';
import { filesDigestV3 } from './v3.ts';
import { sortFiles, type ManifestFile, type Scope } from './manifest.ts';
import { packedBytesChecked, type Digest } from './file-source.ts';
import type { PlannedFile } from './collect.ts';
import type { StagedPlan } from './create.ts';
import type { TarWriter } from './tar-writer.ts';
import { recipientsLines } from './recipients.ts';

export const V3_FORMAT_VERSION = '2.1.0';
const V3_MIN_PLUGIN_VERSION = '3.1.0';
export const V3_README = 'README.md';

/** One file of a 2.1 package: the walnut's bytes (checked again while packing) or generated text. */
type V3File = { path: string; mode: number; mtimeSec: number } & ({ planned: PlannedFile; digest: Digest } | { text: string });

export interface V3Layout {
  files: V3File[];
  listing: ManifestFile[];
  /** The walnut's own root README.md, left out because the primer takes its place. */
  replacedReadme: boolean;
}

/**
 * Maps a 2.0 plan (bundles at `bundles/<name>/`) to the flat 2.1 layout, adds the README primer,
 * and lists every file in sorted order.
 */
export function v3Layout(plan: StagedPlan, scope: Scope, now: Date): V3Layout {
  const bundles = new Set(plan.collected.bundles);
  const files: V3File[] = [];
  const roots = new Map<string, string>();
  let replacedReadme = false;
  for (let i = 0; i < plan.collected.files.length; i++) {
    const f = plan.collected.files.at(i);
    let path = f.path;
    const m = /^bundles\/([^/]+)\/(.+)$/s.exec(path);
    if (m && bundles.has(m[1]!)) path = `${m[1]}/${m[2]}`;
    if (path === V3_README) {
      replacedReadme = true;
      continue;
    }
    const top = path.split('/')[0]!;
    const kind = m ? `bundle '${m[1]}'` : `'${top}'`;
    const prior = roots.get(top);
    if (prior !== undefined && prior !== kind) {
      throw new AliveError(
        `in format 2.1 bundles sit at the package root, and bundle '${top}' would meet the walnut's own '${top}'; rename one, or use --format 2.0`,
        { code: 'bundle_collision' },
      );
    }
    roots.set(top, kind);
    files.push({ path, mode: f.mode, mtimeSec: f.mtimeSec, planned: f, digest: plan.collected.files.digest(i) });
  }
  const mtimeSec = Math.floor(now.getTime() / 1000);
  files.push({ path: V3_README, mode: 0o644, mtimeSec, text: readmePrimer(plan.walnutName, scope, [...bundles].sort()) });
  const sorted = sortFiles(files);
  const listing = sorted.map((f) =>
    'text' in f
      ? { path: f.path, sha256: sha256Text(f.text), size: Buffer.byteLength(f.text) }
      : { path: f.path, sha256: f.digest.sha256, size: f.digest.size },
  );
  return { files: sorted, listing, replacedReadme };
}

function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The package's README.md: what it is and how to open it (v3 writes one in every scope). */
function readmePrimer(walnut: string, scope: Scope, bundles: string[]): string {
  const lines = [
    `# ${walnut}`,
    '',
    `An ALIVE walnut package (${scope} scope, format ${V3_FORMAT_VERSION}): the context of one walnut, as plain Markdown, YAML and JSON files.`,
    '',
    '## Contents',
    '',
    '- `_kernel/key.md`: what this walnut is',
  ];
  if (scope === 'full') lines.push('- `_kernel/`: its log, insights, tasks and the rest of its kernel');
  if (scope === 'snapshot') lines.push('- `_kernel/insights.md`: what it has learned');
  if (bundles.length > 0) {
    lines.push('- bundles:');
    for (const b of bundles) lines.push(`  - \`${b}\``);
  }
  lines.push(
    '',
    '## Opening it',
    '',
    'With the alive plugin: `alive-p2p receive <this file>` (or `/alive:receive` in Claude Code). Every file is',
    'listed with its SHA-256 in `manifest.yaml`.',
    '',
  );
  return lines.join('\n');
}

const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r')}"`;

export interface V3ManifestInit {
  walnut: string;
  scope: Scope;
  created: string;
  sender: string;
  sessionId: string;
  description?: string;
  bundles: string[];
  files: ManifestFile[];
  /**
   * Fingerprints of the keys an RSA package is encrypted to (recipients.ts): written after the
   * known fields, where v3 writes the fields it does not know, and kept by its reader.
   */
  recipients?: string[];
}

/**
 * The v3 manifest dialect (walnut-v3-notes.md 1.4): the fields in v3's order, every string
 * double-quoted, nested map keys alphabetical, `key: []` for an empty list, `bundles` only in
 * bundle scope, payload_sha256 = the files digest; then `recipients` for an RSA package.
 */
export function serializeManifestV3(init: V3ManifestInit): string {
  const lines = [
    `format_version: ${q(V3_FORMAT_VERSION)}`,
    `source_layout: "v3"`,
    `min_plugin_version: ${q(V3_MIN_PLUGIN_VERSION)}`,
    `created: ${q(init.created)}`,
    `scope: ${q(init.scope)}`,
    'source:',
    `  engine: "alive-ts"`,
    `  plugin_version: ${q(ALIVE_VERSION)}`,
    `  session_id: ${q(init.sessionId)}`,
    `  walnut: ${q(init.walnut)}`,
    `sender: ${q(init.sender)}`,
    `description: ${q(init.description ?? '')}`,
    `note: ""`,
    'exclusions_applied: []',
    'substitutions_applied: []',
  ];
  if (init.scope === 'bundle') {
    lines.push('bundles:');
    for (const b of init.bundles) lines.push(`  - ${q(b)}`);
  }
  lines.push(`payload_sha256: ${q(filesDigestV3(init.files))}`);
  if (init.files.length === 0) lines.push('files: []');
  else {
    lines.push('files:');
    for (const f of init.files) lines.push(`  - path: ${q(f.path)}`, `    sha256: ${q(f.sha256)}`, `    size: ${f.size}`);
  }
  lines.push(`encryption: "none"`);
  if (init.recipients && init.recipients.length > 0) lines.push(...recipientsLines(init.recipients, '2.1'));
  return `${lines.join('\n')}\n`;
}

/** The inner archive of every 2.1 package: manifest first, then the files in listing order. */
async function fillV3(tar: TarWriter, layout: V3Layout, manifest: string, now: Date): Promise<void> {
  const mtimeSec = Math.floor(now.getTime() / 1000);
  const text = Buffer.from(manifest);
  await tar.addFile({ path: 'manifest.yaml', size: text.length, mode: 0o600, mtimeSec }, text);
  for (const f of layout.files) {
    if ('text' in f) {
      const b = Buffer.from(f.text);
      await tar.addFile({ path: f.path, size: b.length, mode: f.mode, mtimeSec: f.mtimeSec }, b);
    } else {
      await tar.addFile({ path: f.path, size: f.digest.size, mode: f.mode, mtimeSec: f.mtimeSec }, packedBytesChecked(f.planned, f.digest));
    }
  }
}

export type V3Encryption = { mode: 'none' } | { mode: 'passphrase'; passphrase: string } | { mode: 'rsa'; recipients: KeyObject[] };

/** Writes one 2.1 package at `output` (never replacing a file). */
export async function writeV3Package(output: string, layout: V3Layout, manifest: string, enc: V3Encryption, now = new Date()): Promise<WrittenArchive> {
  const fill = (tar: TarWriter) => fillV3(tar, layout, manifest, now);
  if (enc.mode === 'none') return writeTarGz(output, fill);
  if (enc.mode === 'passphrase') {
    // The whole file is the `openssl enc -pbkdf2 -iter 600000 -md sha256` output of the tar.gz.
    const payload = await writeCipheredTarGz(output, await createPassphraseEncryptStream(enc.passphrase), fill);
    try {
      placeNewFile(payload.path, output);
    } finally {
      payload.discard();
    }
    return { path: output, sha256: payload.sha256, bytes: payload.bytes };
  }
  const key = randomBytes(32);
  const iv = randomBytes(16);
  const envelope = Buffer.from(buildRsaEnvelopeV1(enc.recipients, key, iv));
  const payload = await writeCipheredTarGz(output, createAesCbcEncryptStream(key, iv), fill);
  key.fill(0);
  try {
    const mtimeSec = Math.floor(now.getTime() / 1000);
    return await writeTarFile(
      output,
      async (tar) => {
        await tar.addFile({ path: 'rsa-envelope-v1.json', size: envelope.length, mode: 0o644, mtimeSec }, envelope);
        const size = statSync(payload.path).size;
        await tar.addFile({ path: 'payload.enc', size, mode: 0o644, mtimeSec }, createReadStream(payload.path, { highWaterMark: 1 << 20 }));
      },
      { gzip: false },
    );
  } finally {
    payload.discard();
  }
}
