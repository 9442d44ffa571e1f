import { readSignatureBlock, type SignatureBlock } from '../crypto/sign.ts';
import { AliveError, type ErrorCode, type UntrustedDetail } from '../errors.ts';
import {
  isRawItem,
  parseManifestLines,
  ManifestSyntaxError,
  ManifestTooLong,
  sniffDialect,
  type RawManifest,
  type RawMap,
  type SealedItem,
} from './manifest-lines.ts';
import { senderText } from '../text/fence.ts';
import { unsafePathReason, sortByCodePoints } from './safe-path.ts';
import { inlineText } from '../text/untrusted.ts';
import { RECIPIENTS_KEY, recipientsLines, recipientsProblem } from './recipients.ts';

export const FORMAT_VERSION = '2.0.0';
export const MANIFEST_NAME = 'manifest.yaml';
export type Scope = 'full' | 'bundle' | 'snapshot';
export const SCOPES: readonly Scope[] = ['full', 'bundle', 'snapshot'];

export interface ManifestFile {
  path: string;
  sha256: string;
  size: number;
}

export interface Manifest {
  format_version: string;
  /** 'v2' (2.0.x, the reference and ours), 'v3' (2.1.x) or 'v1' (1.x capsules). */
  generation: 'v1' | 'v2' | 'v3';
  source: Record<string, string>;
  scope: Scope;
  created: string;
  encrypted: boolean;
  description?: string;
  note?: string;
  files: ManifestFile[];
  bundles?: string[];
  relay?: Record<string, string>;
  /** 2.0 (ours): SHA-256 of payload.enc. 2.1 (v3): digest of the files list. */
  payload_sha256?: string;
  sender?: string;
  source_layout?: string;
  signature?: SignatureBlock;
  /**
   * The fingerprints of the keys the package was encrypted to (recipients.ts), when its maker
   * named them: a reader opening it with a key not on the list refuses it.
   */
  recipients?: string[];
  /** Every other top-level key, kept as read. */
  extra: Record<string, unknown>;
}

const HEX64 = /^[0-9a-f]{64}$/;

function fail(message: string, code: ErrorCode = 'bad_manifest', untrusted?: UntrustedDetail): never {
  throw new AliveError(`invalid manifest.yaml: ${inlineText(message)}`, { code, ...(untrusted && { untrusted }) });
}

/** fail() naming a value the sender wrote: quoted when plain, else in a fence after the message (senderText). */
function failOn(value: string, what: string, message: (shown: string) => string, code?: ErrorCode): never {
  const v = senderText(value, what);
  return fail(message(v.shown), code, v.untrusted);
}

const WHOLE_NUMBER = /^\d+$/;

function badEntry(item: RawMap, i: number, field: string, what: string): never {
  if (typeof item.path !== 'string') return fail(`files[${i}]: ${field} ${what}`);
  return failOn(item.path, 'file path', (p) => `files[${i}] (${p}): ${field} ${what}`);
}

/**
 * One entry of `files` when its path, sha256 and size are what an entry needs, else undefined.
 * Checked by hand rather than by a schema: a package lists thousands, and a schema's parse of each
 * was most of the time spent reading a manifest before the first file. (No closure per entry
 * either: the bundles keep function names, which costs each one made a call.)
 */
function validFileEntry(item: RawMap): ManifestFile | undefined {
  const { path, sha256, size } = item;
  if (typeof path !== 'string' || typeof sha256 !== 'string' || !HEX64.test(sha256) || typeof size !== 'string' || !WHOLE_NUMBER.test(size)) return undefined;
  const n = Number(size);
  return Number.isSafeInteger(n) ? { path, sha256, size: n } : undefined;
}

/** A files entry as read (parseManifestLines seals the valid ones into their ManifestFile as it goes). */
const sealFileEntry = (key: string, item: RawMap): SealedItem | undefined =>
  key === 'files' ? (validFileEntry(item) as unknown as SealedItem | undefined) : undefined;

/** One entry of `files`, or the refusal naming its first field at fault. */
function fileEntry(item: RawMap, i: number): ManifestFile {
  const valid = validFileEntry(item);
  if (valid) return valid;
  const { path, sha256, size } = item;
  if (typeof path !== 'string') return badEntry(item, i, 'path', 'is missing or not a single value');
  if (typeof sha256 !== 'string' || !HEX64.test(sha256)) return badEntry(item, i, 'sha256', 'must be 64 lowercase hex characters');
  if (typeof size !== 'string' || !WHOLE_NUMBER.test(size)) return badEntry(item, i, 'size', 'must be a whole number');
  // Past 2^53 - 1 a number is read rounded (or as Infinity): a size no file has, shown wrong.
  const n = Number(size);
  if (!Number.isSafeInteger(n)) return badEntry(item, i, 'size', `is past ${Number.MAX_SAFE_INTEGER}, larger than any file`);
  return { path, sha256, size: n };
}

/** Parses and validates a manifest's text (either dialect). Errors name the field at fault. */
export function parseManifest(text: string): Manifest {
  let raw: RawManifest;
  try {
    raw = parseManifestLines(text, sealFileEntry);
  } catch (err) {
    if (err instanceof ManifestSyntaxError) {
      if (err instanceof ManifestTooLong) fail(err.message, 'too_large');
      if (err.value === undefined) fail(err.message);
      failOn(err.value, 'line', (line) => `${err.message}, got ${line}`);
    }
    throw err;
  }
  const scalar = (key: string, required: boolean): string | undefined => {
    const v = raw.get(key);
    if (v === undefined || v === '') {
      if (required) fail(`missing required field '${key}'`, 'missing_field');
      return undefined;
    }
    if (typeof v !== 'string') fail(`'${key}' must be a single value`);
    return v;
  };
  const map = (key: string): RawMap | undefined => {
    const v = raw.get(key);
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'object' || Array.isArray(v)) fail(`'${key}' must be a mapping`);
    return v;
  };

  const formatVersion = scalar('format_version', true)!;
  const generation = generationOf(formatVersion);
  const scopeRaw = scalar('scope', true)!;
  const scope = (scopeRaw === 'capsule' && generation === 'v1' ? 'bundle' : scopeRaw) as Scope;
  if (!SCOPES.includes(scope)) failOn(scopeRaw, 'scope', (v) => `scope ${v} is not one of full, bundle, snapshot`);
  const created = scalar('created', true)!;
  const source = map('source');
  if (generation !== 'v1' && !source?.walnut) fail(`missing required field 'source.walnut'`, 'missing_field');

  const filesRaw = raw.get('files');
  if (filesRaw === undefined) fail(`missing required field 'files'`, 'missing_field');
  if (typeof filesRaw !== 'string' && !Array.isArray(filesRaw)) fail(`'files' must be a list`);
  const files: ManifestFile[] = [];
  /**
   * The paths so far, once they are not in increasing order: while they are (a package lists them
   * sorted), none can repeat, and no set of 100,000 paths is built.
   */
  let seen: Set<string> | undefined;
  const items = Array.isArray(filesRaw) ? filesRaw : [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (typeof item !== 'object') fail(`files[${i}] must be a mapping with path, sha256 and size`);
    const f = isRawItem(item) ? fileEntry(item, i) : (item as unknown as ManifestFile);
    const why = unsafePathReason(f.path);
    if (why) failOn(f.path, 'file path', (p) => `files[${i}] path ${p} ${why}`, 'unsafe_path');
    if (f.path === MANIFEST_NAME) fail(`files[${i}] lists manifest.yaml itself`);
    if (!seen && i > 0 && !(files[i - 1]!.path < f.path)) seen = new Set(files.map((e) => e.path));
    if (seen?.has(f.path)) failOn(f.path, 'file path', (p) => `files[${i}] path ${p} is listed twice`, 'duplicate_path');
    seen?.add(f.path);
    files.push(f);
  }

  const bundlesRaw = raw.get('bundles');
  let bundles: string[] | undefined;
  if (bundlesRaw !== undefined && bundlesRaw !== '') {
    if (!Array.isArray(bundlesRaw) || bundlesRaw.some((b) => typeof b !== 'string')) fail(`'bundles' must be a list of names`);
    bundles = bundlesRaw as string[];
    for (const b of bundles) {
      const why = bundleNameProblem(b);
      if (why) failOn(b, 'bundle name', (v) => `bundle name ${v} ${why}`, 'unsafe_name');
    }
  }
  if (scope === 'bundle' && (!bundles || bundles.length === 0) && generation !== 'v1') {
    fail(`scope 'bundle' needs a non-empty 'bundles' list`, 'missing_field');
  }

  const encryptedRaw = scalar('encrypted', false);
  const encrypted = encryptedRaw !== undefined && encryptedRaw.toLowerCase() === 'true';
  const dialect = sniffDialect(text);
  const payload = scalar('payload_sha256', false);
  if (payload !== undefined && !HEX64.test(payload)) fail(`payload_sha256 must be 64 lowercase hex characters`);
  // The block's fields are read as the signature check reads them (no dialect escapes), so the
  // signer shown and recorded is the one whose pinned key was looked up.
  const signature: SignatureBlock | undefined = map('signature') ? readSignatureBlock(text) : undefined;
  const recipientsRaw = raw.get(RECIPIENTS_KEY);
  if (recipientsRaw !== undefined) {
    const why = recipientsProblem(recipientsRaw);
    if (why) fail(why);
  }

  const known = new Set([
    'format_version',
    'source',
    'scope',
    'created',
    'encrypted',
    'description',
    'note',
    'files',
    'bundles',
    'relay',
    'payload_sha256',
    'sender',
    'source_layout',
    'signature',
    RECIPIENTS_KEY,
  ]);
  const extra: Record<string, unknown> = Object.create(null);
  for (const [k, v] of raw) if (!known.has(k)) extra[k] = v;

  const text2 = (key: string) => {
    const v = scalar(key, false);
    // The 2.0 writer escapes free text; its reader forgot to unescape. We read what was meant.
    return v !== undefined && dialect === '2.0' ? unescape20(v) : v;
  };
  const m: Manifest = {
    format_version: formatVersion,
    generation,
    source: source ?? {},
    scope,
    created,
    encrypted,
    files,
    extra,
  };
  const description = text2('description');
  if (description !== undefined) m.description = description;
  const note = text2('note');
  if (note !== undefined) m.note = note;
  if (bundles) m.bundles = bundles;
  const relay = map('relay');
  if (relay) m.relay = relay;
  if (payload) m.payload_sha256 = payload;
  const sender = scalar('sender', false);
  if (sender) m.sender = sender;
  const layout = scalar('source_layout', false);
  if (layout) m.source_layout = layout;
  if (signature) m.signature = signature;
  if (recipientsRaw !== undefined) m.recipients = recipientsRaw as string[];
  return m;
}

function unescape20(s: string): string {
  return s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

/** Which generation a format_version belongs to; anything else is refused by name. */
export function generationOf(version: string): 'v1' | 'v2' | 'v3' {
  const m = /^(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(version.trim());
  if (m && m[1] === '2') return Number(m[2] ?? 0) >= 1 ? 'v3' : 'v2';
  if (m && m[1] === '1' && (m[2] ?? '0') === '1') return 'v1';
  const shown = senderText(version, 'format_version');
  throw new AliveError(
    `unsupported package format_version ${shown.shown}: this version of alive reads 2.x packages (and 1.1 capsules); ask the sender to share again with a compatible version, or update alive`,
    { code: 'unsupported_version', ...(shown.untrusted && { untrusted: shown.untrusted }) },
  );
}

/** Why a bundle name from a manifest or the command line is unsafe, or undefined. */
export function bundleNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.includes('/') || name.includes('\\')) return 'contains a path separator';
  if (name === '.' || name === '..' || name.startsWith('.')) return 'starts with a dot';
  return unsafePathReason(name);
}

/** Sorted-by-code-point copy of files (the order manifests and archives are written in). */
export function sortFiles<T extends { path: string }>(files: T[]): T[] {
  return sortByCodePoints(files);
}

export interface ManifestInit {
  walnut: string;
  scope: Scope;
  created: string;
  encrypted: boolean;
  description?: string;
  /** Listed as they come (a plan's entries are made one at a time: planned-files.ts). */
  files: Iterable<ManifestFile>;
  bundles?: string[];
  payloadSha256?: string;
  pluginVersion: string;
  /** Fingerprints of the keys an RSA package is encrypted to (recipients.ts). */
  recipients?: string[];
}

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/**
 * Why a value cannot be written unquoted in the 2.0 grammar (it would not read back the same
 * in the reference's parser), or undefined.
 */
export function bareValueProblem(v: string): string | undefined {
  if (/[\r\n]/.test(v)) return 'contains a line break';
  if (v !== v.trim()) return 'starts or ends with white space';
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) {
    return 'is wrapped in quotes';
  }
  return undefined;
}

/** Writes a manifest in the reference's exact line layout (walnut-package-v2.md 2.3). */
export function serializeManifest(init: ManifestInit): string {
  const lines: string[] = [];
  lines.push(`format_version: "${FORMAT_VERSION}"`, '');
  lines.push('source:', `  walnut: ${init.walnut}`, `  engine: alive-ts`, `  plugin_version: "${init.pluginVersion}"`, '');
  lines.push(`scope: ${init.scope}`, `created: "${init.created}"`, `encrypted: ${init.encrypted ? 'true' : 'false'}`);
  if (init.payloadSha256) lines.push(`payload_sha256: "${init.payloadSha256}"`);
  if (init.description) lines.push(`description: ${quote(init.description)}`);
  lines.push('', 'files:');
  // The entries joined a batch at a time: three strings a file, all kept until the end, took
  // more than the text they made (100,000 files: 36 MB for 14).
  const parts = [lines.join('\n')];
  const batch: string[] = [];
  for (const f of init.files) {
    batch.push(`  - path: ${f.path}\n    sha256: ${f.sha256}\n    size: ${f.size}`);
    if (batch.length === ENTRIES_JOINED) {
      parts.push(batch.join('\n'));
      batch.length = 0;
    }
  }
  if (batch.length > 0) parts.push(batch.join('\n'));
  const tail: string[] = [];
  if (init.bundles && init.bundles.length > 0) {
    tail.push('', 'bundles:');
    for (const b of init.bundles) tail.push(`  - ${b}`);
  }
  if (init.recipients && init.recipients.length > 0) tail.push('', ...recipientsLines(init.recipients, '2.0'));
  if (tail.length > 0) parts.push(tail.join('\n'));
  return `${parts.join('\n')}\n`;
}

const ENTRIES_JOINED = 512;

/** UTC `YYYY-MM-DDTHH:MM:SSZ`, as the reference writes `created`. */
export function utcStamp(d = new Date()): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}
