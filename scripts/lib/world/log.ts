/**
 * The walnut's `_kernel/log.md`: prepend-only, newest entry first, right after the frontmatter
 * (walnut-package-v2.md 1.2; its 11.3 bugs — entry above the frontmatter, counters not updated —
 * are not repeated). Entries end with a `signed: squirrel:<session>` line.
 */
import { splitFrontmatter, frontmatterValues, setFrontmatterValues, joinFrontmatter } from './frontmatter.ts';

export interface NewLogMeta {
  /** The walnut's folder name, for a log created from nothing. */
  walnut: string;
  /** ISO timestamp of the entry. */
  timestamp: string;
  /** One-line summary for a log created from nothing. */
  summary: string;
}

/** The session that signs entries: ALIVE_SESSION_ID, else CLAUDE_CODE_SESSION_ID, else alive-p2p. */
export function signingSession(env: NodeJS.ProcessEnv = process.env): string {
  for (const v of [env.ALIVE_SESSION_ID, env.CLAUDE_CODE_SESSION_ID]) {
    // A session id is ours, but it still lands in a signed line: keep it to one plain token.
    if (v && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(v)) return v;
  }
  return 'alive-p2p';
}

/** An entry: heading, body lines (already safe to write), signature line. */
export function formatLogEntry(timestamp: string, session: string, body: string[]): string {
  return [`## ${timestamp} — squirrel:${session}`, '', ...body, '', `signed: squirrel:${session}`, ''].join('\n');
}

function countSigned(text: string): number {
  return (text.match(/^signed: /gm) ?? []).length;
}

/** A frontmatter of ours, for a log created here, then its first entry. */
function newLog(meta: NewLogMeta, count: number, entry: string): string {
  const head = [
    '---',
    `walnut: ${meta.walnut}`,
    `created: ${meta.timestamp.slice(0, 10)}`,
    `last-entry: ${meta.timestamp}`,
    `entry-count: ${count}`,
    `summary: ${meta.summary}`,
    '---',
    '',
    '',
  ].join('\n');
  return `${head}${entry}`;
}

/**
 * Returns the log with `entry` inserted directly after its frontmatter and `entry-count` /
 * `last-entry` updated. A missing log, or one without frontmatter, gets a frontmatter first.
 */
export function prependLogEntry(existing: string | undefined, entry: string, meta: NewLogMeta): string {
  const fm = existing === undefined ? undefined : splitFrontmatter(existing);
  if (!fm) {
    const before = existing ?? '';
    const rest = afterBlankLines(before);
    return `${newLog(meta, countSigned(before) + 1, entry)}${rest === '' ? '' : `\n${rest}`}`;
  }
  const values = frontmatterValues(fm);
  const prior = Number.parseInt(values.get('entry-count') ?? '', 10);
  const count = (Number.isFinite(prior) && prior >= 0 ? prior : countSigned(fm.body)) + 1;
  const updated = setFrontmatterValues(fm, { 'last-entry': meta.timestamp, 'entry-count': String(count) });
  // Not /^(?:[ \t]*\r?\n)+/: it backtracked once per line, and 9 million blank lines overflowed V8's regexp stack.
  const rest = afterBlankLines(fm.body);
  return joinFrontmatter({ lines: updated.lines, body: `\n${entry}${rest === '' ? '' : `\n${rest}`}` });
}

/**
 * The log of a walnut received whole: a frontmatter of ours (the walnut's name here, the receive's
 * date, the counters), our entry, then under a heading of ours (SENDER_HEADING) the sender's log as
 * it came, its frontmatter included, below the entry that says all below it is the sender's. The
 * sender's frontmatter stayed on top before and read as the receiver's: lines there can look like
 * an entry of ours ("verified … signed: squirrel:alive-p2p"). entry-count counts the signed lines
 * of the sender's body, not its claim.
 */
export function receivedLog(sender: string | undefined, entry: string, meta: NewLogMeta): string {
  const text = sender === undefined ? '' : afterBlankLines(sender);
  const fm = splitFrontmatter(text);
  const log = newLog(meta, countSigned(fm ? fm.body : text) + 1, entry);
  return text === '' ? log : `${log}\n${SENDER_HEADING}\n\n${text}`;
}

/**
 * The heading of ours that opens the sender's log in a walnut received whole. An entry runs to the
 * next heading: without one, the sender's frontmatter (or any text before its first entry) read as
 * part of this receive's signed entry, and log-guardian refused every edit of it.
 */
export const SENDER_HEADING = "## The sender's log, as it came in the package";

/** `text` from its first line that holds more than blanks (a loop, not a pattern: a log can hold millions of blank lines). */
function afterBlankLines(text: string): string {
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) start = i + 1;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return text.slice(start);
  }
  return '';
}
