/**
 * The YAML frontmatter of ALIVE Markdown files (key.md, log.md), read the way the reference does
 * (walnut-package-v2.md 5.3): only top-level `key: value` lines, quotes stripped, no typing.
 * It is a line tool on purpose: log.md's frontmatter is edited in place, keeping every other line
 * byte for byte.
 */
import { trimStartOf } from '../text/trim.ts';

export interface Frontmatter {
  /** The lines between the two `---` fences. */
  lines: string[];
  /** The text after the closing fence's line break. */
  body: string;
}

const OPEN = /^---[ \t]*\r?\n/;

/** Splits `text` into frontmatter and body, or returns undefined when it has none. */
export function splitFrontmatter(text: string): Frontmatter | undefined {
  const open = OPEN.exec(text);
  if (!open) return undefined;
  const rest = text.slice(open[0].length);
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(rest);
  if (!close) return undefined;
  const inner = rest.slice(0, close.index);
  const lines = inner === '' ? [] : inner.replace(/\r?\n$/, '').split(/\r?\n/);
  return { lines, body: rest.slice(close.index + close[0].length) };
}

const KEY_NAME = /^([A-Za-z0-9_][\w-]*):/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A top-level `key: value` line (a space or tab after the colon, or nothing): its key and its
 * value without the blanks before it. A pattern ending in `[ \t]+(.*?)$` cost the square of a run
 * of blanks that a lone CR follows (text/trim.ts).
 */
export function keyLine(line: string): { key: string; value: string } | undefined {
  const m = KEY_NAME.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return undefined;
  if (LINE_BREAK.test(rest)) return undefined;
  return { key: m[1]!, value: trimStartOf(rest, ' \t') };
}

/** Top-level scalar values of a frontmatter (lists and nested maps are left out). */
export function frontmatterValues(fm: Frontmatter): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of fm.lines) {
    const m = keyLine(line);
    if (!m) continue;
    let v = m.value.trim();
    if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) v = v.slice(1, -1);
    if (v !== '') out.set(m.key, v);
  }
  return out;
}

/** Sets (or appends) top-level `key: value` lines, leaving every other line as it was. */
export function setFrontmatterValues(fm: Frontmatter, values: Record<string, string>): Frontmatter {
  const lines = [...fm.lines];
  for (const [key, value] of Object.entries(values)) {
    const at = lines.findIndex((l) => keyLine(l)?.key === key);
    if (at >= 0) lines[at] = `${key}: ${value}`;
    else lines.push(`${key}: ${value}`);
  }
  return { lines, body: fm.body };
}

export function joinFrontmatter(fm: Frontmatter): string {
  return `---\n${fm.lines.map((l) => `${l}\n`).join('')}---\n${fm.body}`;
}
