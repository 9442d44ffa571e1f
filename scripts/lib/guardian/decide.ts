/**
 * log-guardian's rules (cli.md section 6), as a pure-ish function of the tool call and the file
 * system: inside a world, a Write may not replace an existing log.md, and an Edit or MultiEdit may
 * not change a signed log entry. Everything else is allowed.
 *
 * Which files count: every file named log.md (any letter case, for case-insensitive file
 * systems) that lies inside a world — `_kernel/log.md` of v2/v3 walnuts, `<walnut>/log.md` and
 * `_core/log.md` of older layouts, and archived walnuts' logs alike. A log.md outside every world
 * is not ours to guard.
 *
 * Which world: the world of the hook's cwd (cli.md section 6: walk up to `.alive/` or
 * `01_Archive/` + `02_Life/`, else ALIVE_WORLD_ROOT), and also any world the target file itself
 * lies in (found by the same walk from the file), so a session started outside a world cannot
 * rewrite a world's log through an absolute path.
 */
import { fs } from '../fs/node-fs.ts';
import { basename, dirname } from 'node:path';
import type { FileToolCall } from '../hook/input.ts';
import { findWorldRoot, isWorldRoot } from '../world/root.ts';
import { candidateTargets, exists, isInside, landsUnderItsOwnName, rootForms } from './paths.ts';
import { editsTouchSignedEntry } from './signed.ts';

export type Decision = { allow: true } | { allow: false; reason: string };

const ALLOW: Decision = { allow: true };

function isLogName(path: string): boolean {
  return basename(path).toLowerCase() === 'log.md';
}

/** The nearest world root at or above `dir`, by the markers alone (no environment fallback). */
function worldAbove(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  let current = dir;
  for (;;) {
    if (isWorldRoot(current, env)) return current;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/**
 * The world log.md files this call would write to (normally zero or one), as absolute paths that
 * also serve to read the log's current text and to name it in a deny reason.
 */
function guardedLogs(call: FileToolCall, cwd: string, env: NodeJS.ProcessEnv): string[] {
  if (!isLogName(call.filePath) && landsUnderItsOwnName(call.filePath, cwd)) return [];
  const targets = candidateTargets(call.filePath, cwd);
  if (!targets.some(isLogName)) return [];
  const roots: string[] = [];
  const sessionWorld = findWorldRoot(cwd, env);
  if (sessionWorld) roots.push(...rootForms(sessionWorld));
  for (const t of targets) {
    if (!isLogName(t) || roots.some((r) => isInside(t, r))) continue;
    const w = worldAbove(dirname(t), env);
    if (w) roots.push(...rootForms(w));
  }
  return targets.filter((t) => isLogName(t) && roots.some((r) => isInside(t, r)));
}

function readText(path: string): string | undefined {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function overwriteReason(log: string): string {
  return (
    `The walnut log ${log} already exists, and a log.md is never overwritten: it is the walnut's ` +
    'prepend-only history of signed entries. To add to it, use Edit to insert the new entry ' +
    "directly after the frontmatter (anchor on the frontmatter's last field and its closing '---' " +
    'line), newest entry first, and leave every existing entry exactly as it is. If you meant a ' +
    'different file, write it under another name.'
  );
}

export function signedEntryReason(log: string): string {
  return (
    `This would change or remove a signed entry of the walnut log ${log}: an entry carrying ` +
    "'signed: squirrel:…' or 'signed: alive-mcp:…'. Signed log entries are immutable. Leave them " +
    'as they are; to correct or extend one, add a new entry directly after the frontmatter that ' +
    'says what changed and refers to the earlier entry by its heading. When adding an entry, ' +
    "anchor the Edit on the frontmatter's last field and closing '---' line, not on an existing entry."
  );
}

export function decide(call: FileToolCall, env: NodeJS.ProcessEnv, processCwd: string): Decision {
  const cwd = call.cwd ?? processCwd;
  const logs = guardedLogs(call, cwd, env);
  if (logs.length === 0) return ALLOW;
  if (call.tool === 'Write') {
    const existing = logs.find(exists);
    return existing ? { allow: false, reason: overwriteReason(existing) } : ALLOW;
  }
  for (const log of logs) {
    if (editsTouchSignedEntry(readText(log), call.edits)) {
      return { allow: false, reason: signedEntryReason(log) };
    }
  }
  return ALLOW;
}
