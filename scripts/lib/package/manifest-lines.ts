/**
 * The manifest's line grammar. The reference (format 2.0) writes `manifest.yaml` by hand and reads
 * it with a line-based parser, not a YAML library: paths and bundle names are unquoted, quoted
 * scalars are unquoted without escape processing, and nothing is type-converted that we do not ask
 * for. The v3 redesign (2.1.x) double-quotes every string with `\\ \" \n \r` escapes. One reader
 * serves both: values are kept as raw strings and decoded per dialect; fields are typed later.
 */

import { MANIFEST_LINES_LIMIT, MAX_PACKAGE_ENTRIES } from './limits.ts';

export type Dialect = '2.0' | '2.1';
export type RawMap = Record<string, string>;
/** A list item as the caller's `seal` made it once complete (parseManifestLines). */
export type SealedItem = { readonly sealed: true };
export type RawValue = string | RawMap | Array<string | RawMap | SealedItem>;
export type RawManifest = Map<string, RawValue>;

/**
 * A mapping with no prototype: its keys are the sender's (`constructor:`, `__proto__:`), never an
 * object's own properties.
 */
function rawMap(): RawMap {
  return Object.create(null) as RawMap;
}

/**
 * A list item's mapping (a `files` entry), as rawMap is, without a prototype's properties, but an
 * object V8 keeps in fast mode: Object.create(null) makes a dictionary, about 200 bytes more per
 * entry while a manifest of 100,000 files is read.
 */
const ItemMap = function ItemMap() {} as unknown as new () => RawMap;
ItemMap.prototype = Object.create(null);

/** Whether a list item is a mapping as read (not one its caller's `seal` made into something else). */
export function isRawItem(item: unknown): item is RawMap {
  return item instanceof ItemMap;
}

/** The key no writer uses and every JavaScript reader must not take as a property: refused by name. */
function checkKey(key: string, lineNo: number): string {
  if (key === '__proto__') throw new ManifestSyntaxError(`the key '__proto__' is not a manifest field`, lineNo);
  return key;
}

export class ManifestSyntaxError extends Error {
  /** `value`: the line at fault, the sender's text, which the message leaves out. */
  constructor(
    message: string,
    readonly line: number,
    readonly value?: string,
  ) {
    super(`manifest.yaml line ${line}: ${message}`);
  }
}

/**
 * A manifest longer than any package's: a list (files, bundles) of more items than the entries a
 * package holds (MAX_PACKAGE_ENTRIES), or more lines than MANIFEST_LINES_LIMIT. No package can be
 * what it says, and each item kept, each line read, costs memory and time.
 */
export class ManifestTooLong extends ManifestSyntaxError {
  constructor(what: string, line: number) {
    super(what, line);
    this.message = `it ${what} (line ${line})`;
  }
}

// The `s` flag: a value runs to the end of the line, U+2028/U+2029 included. Without it `.` stops
// at those JS line terminators, while both Python readers split lines on '\n' only and keep them.
const TOP_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*)|\s*)$/s;
const NESTED_KEY = /^\s+([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*)|\s*)$/s;
const ITEM_KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?:\s+(.*)|\s*)$/s;

/** Decodes one scalar as written by either dialect. */
export function decodeScalar(raw: string, dialect: Dialect): string {
  const v = raw.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    const inner = v.slice(1, -1);
    return dialect === '2.1' ? unescapeV3(inner) : inner;
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1);
  return v;
}

function unescapeV3(s: string): string {
  // Decodes escapes left to right, so `\\n` stays a backslash followed by n (v3's own reader
  // replaced sequentially and turned `C:\new` into a newline).
  return s.replace(/\\(.)/g, (_m, c: string) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c === 't' ? '\t' : c));
}

/** Sniffs the dialect from the format_version line before parsing the rest. */
export function sniffDialect(text: string): Dialect {
  // Lines are split on '\n' only: a `format_version:` after a U+2028 inside a value is no line.
  const m = /(?:^|\n)format_version:[ \t]*["']?(\d+)\.(\d+)/.exec(text);
  if (m && m[1] === '2' && Number(m[2]) >= 1) return '2.1';
  return '2.0';
}

/**
 * Parses the text into raw top-level entries: scalars, mappings (`source:`, `relay:`,
 * `signature:`) and lists (`files:` of maps, `bundles:` of scalars). Comments and blank lines are
 * skipped; CR before LF is tolerated (the reference would have kept it). `seal`, given a list's key
 * and a mapping item once all its lines are read, may return what to keep in its place (a files
 * entry, 40 bytes where the mapping took 150): while 100,000 entries are read, only one mapping
 * at a time is kept.
 */
export function parseManifestLines(text: string, seal?: (key: string, item: RawMap) => SealedItem | undefined): RawManifest {
  const dialect = sniffDialect(text);
  const out: RawManifest = new Map();
  let section: { key: string; kind: 'map' | 'list' | 'open'; value: RawValue } | undefined;
  let currentItem: RawMap | undefined;
  /** Where the current mapping item sits, for `seal`. */
  let itemAt = -1;
  const sealItem = () => {
    if (!seal || !currentItem || !section) return;
    const sealed = seal(section.key, currentItem);
    if (sealed !== undefined) (section.value as Array<string | RawMap | SealedItem>)[itemAt] = sealed;
  };

  // Line by line, none kept: 32 MiB of `#` lines split at once were 16 million strings (886 MB).
  let lineNo = 0;
  // The empty piece after a last line break is no line.
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const rawLine = text.slice(start, end);
    start = end + 1;
    lineNo += 1;
    if (lineNo > MANIFEST_LINES_LIMIT) throw new ManifestTooLong(`is more than ${MANIFEST_LINES_LIMIT} lines long, longer than any package's`, lineNo);
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;

    const indented = /^\s/.test(line);
    if (!indented) {
      const m = TOP_KEY.exec(line);
      if (!m) throw new ManifestSyntaxError(`expected 'key: value'`, lineNo, truncate(line));
      const key = checkKey(m[1]!, lineNo);
      const rest = (m[2] ?? '').trim();
      if (out.has(key)) throw new ManifestSyntaxError(`duplicate key '${key}'`, lineNo);
      sealItem();
      section = undefined;
      currentItem = undefined;
      if (rest === '' || rest === '[]') {
        // An empty value opens a section whose kind the first child decides; `[]` is an empty list.
        const value: RawValue = rest === '[]' ? [] : '';
        out.set(key, value);
        if (rest === '') section = { key, kind: 'open', value };
        continue;
      }
      out.set(key, rest === '{}' ? rawMap() : decodeScalar(rest, dialect));
      continue;
    }

    if (!section) throw new ManifestSyntaxError('indented line outside a section', lineNo, truncate(line));

    if (trimmed.startsWith('- ') || trimmed === '-') {
      if (section.kind === 'map') throw new ManifestSyntaxError(`list item inside mapping '${section.key}'`, lineNo);
      if (section.kind === 'open') {
        section.kind = 'list';
        section.value = [];
        out.set(section.key, section.value);
      }
      sealItem();
      const list = section.value as Array<string | RawMap | SealedItem>;
      if (list.length >= MAX_PACKAGE_ENTRIES) {
        throw new ManifestTooLong(`lists more than ${MAX_PACKAGE_ENTRIES} items under '${section.key}', more than a package holds`, lineNo);
      }
      const item = trimmed === '-' ? '' : trimmed.slice(2);
      const kv = ITEM_KEY.exec(item);
      if (kv && !/^["']/.test(item)) {
        currentItem = new ItemMap();
        currentItem[checkKey(kv[1]!, lineNo)] = decodeScalar(kv[2] ?? '', dialect);
        itemAt = list.length;
        list.push(currentItem);
      } else {
        currentItem = undefined;
        // Bundle names in 2.0 are written bare and read back without unquoting; 2.1 quotes them.
        list.push(dialect === '2.1' ? decodeScalar(item, dialect) : item.trim());
      }
      continue;
    }

    const m = NESTED_KEY.exec(line);
    if (!m) throw new ManifestSyntaxError(`expected 'key: value'`, lineNo, truncate(line));
    const key = checkKey(m[1]!, lineNo);
    const value = decodeScalar(m[2] ?? '', dialect);
    if (section.kind === 'list') {
      if (!currentItem) throw new ManifestSyntaxError(`'${key}:' does not belong to a list item`, lineNo);
      if (key in currentItem) throw new ManifestSyntaxError(`duplicate key '${key}' in a list item`, lineNo);
      currentItem[key] = value;
      continue;
    }
    if (section.kind === 'open') {
      section.kind = 'map';
      section.value = rawMap();
      out.set(section.key, section.value);
    }
    const map = section.value as RawMap;
    if (key in map) throw new ManifestSyntaxError(`duplicate key '${section.key}.${key}'`, lineNo);
    map[key] = value;
  }
  sealItem();
  return out;
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}
