/**
 * v2 bundles keep their tasks in `tasks.md`; a v3 walnut reads `tasks.json`. When a bundle from a
 * v2 package lands in a v3 walnut, its `tasks.md` is converted as the v3 reference does
 * (walnut-v3-notes.md 1.9): `- [ ]` → active/normal, `- [~]` → active/high, `- [x]` → done/normal,
 * a trailing `@name` is the session, ids `t-001`, ... — into `{"tasks": [...]}`. Unlike the
 * reference, nothing is lost: `tasks.md` is removed only when every line was carried over (task
 * lines, blank lines, headings, frontmatter); otherwise it stays beside `tasks.json`. A bundle
 * that already has `tasks.json` keeps both files untouched.
 */
import { senderName } from '../text/fence.ts';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { counted } from '../text/plural.ts';
import { jsonText } from '../text/untrusted.ts';

/**
 * Most tasks.md converted, in one file and in all of one package's files together. Each line
 * becomes a task object of about 250 bytes of JSON, built in memory: an 8-byte line `- [ ] a`
 * repeated over 24 MB (a 25 KB package) took 1.7 GB and passed the longest string V8 makes, and
 * twenty 1 MiB files (a 32 KB package) wrote 660 MB of tasks.json. What is past it is kept as it is
 * (nothing is lost); real ones are a few KB.
 */
export const TASKS_MD_MAX_BYTES = 1024 * 1024;

/** How much of a package's tasks.md was converted so far (the files are taken in the plan's order). */
export interface TasksBudget {
  converted: number;
}

/** Why a tasks.md of `bytes` is not converted (after `budget.converted` bytes were), or undefined when it is. */
export function tasksMdTooLarge(bytes: number, budget: TasksBudget): string | undefined {
  if (bytes > TASKS_MD_MAX_BYTES) return `it is larger than ${TASKS_MD_MAX_BYTES} bytes (${bytes})`;
  if (budget.converted + bytes > TASKS_MD_MAX_BYTES) {
    return `the package's tasks.md files converted before it hold ${budget.converted} bytes, and with its ${bytes} they would pass ${TASKS_MD_MAX_BYTES}`;
  }
  return undefined;
}

const TASK_MARK = /^- \[([ ~x])\]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A `- [ ] title @session` line: its mark, title and trailing `@session`, as
 * `/^- \[([ ~x])\]\s+(.+?)(?:\s+@(\S+))?\s*$/` read it, without its cost (the square of a long
 * run of blanks inside a title). Undefined for any other line, or a task without a title.
 */
export function readTaskLine(line: string): { mark: string; title: string; session: string | undefined } | undefined {
  const m = TASK_MARK.exec(line);
  if (!m) return undefined;
  const rest = line.slice(m[0].length);
  const text = rest.trimStart();
  if (text.length === rest.length) return undefined;
  let title = text.trimEnd();
  let session: string | undefined;
  let last = title.length - 1;
  while (last >= 0 && !/\s/.test(title[last]!)) last--;
  if (last > 0 && title[last + 1] === '@' && title.length - last > 2) {
    session = title.slice(last + 2);
    title = title.slice(0, last).trimEnd();
  }
  if (title === '' || LINE_BREAK.test(title)) return undefined;
  return { mark: m[1]!, title, session };
}

export interface V3Task {
  id: string;
  title: string;
  status: 'active' | 'done';
  priority: 'normal' | 'high';
  assignee: null;
  due: null;
  tags: string[];
  created: string;
  session: string;
  bundle: string;
}

/** The tasks of a v2 tasks.md, and whether any line was not carried over. */
export function parseTasksMd(text: string, bundle: string, created: string, session: string): { tasks: V3Task[]; leftover: boolean } {
  let lines = text.split(/\r?\n/);
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    if (end > 0) lines = lines.slice(end + 1);
  }
  const tasks: V3Task[] = [];
  let leftover = false;
  for (const line of lines) {
    const m = readTaskLine(line);
    const title = m?.title.trim();
    if (!m || !title) {
      if (line.trim() !== '' && !/^#{1,6}\s/.test(line)) leftover = true;
      continue;
    }
    const mark = m.mark;
    tasks.push({
      id: `t-${String(tasks.length + 1).padStart(3, '0')}`,
      title,
      status: mark === 'x' ? 'done' : 'active',
      priority: mark === '~' ? 'high' : 'normal',
      assignee: null,
      due: null,
      tags: [],
      created,
      session: m.session ?? session,
      bundle,
    });
  }
  return { tasks, leftover };
}

/** Converts `<bundleDir>/tasks.md` (staged, not yet in the world); returns a note for the result, if any. */
export function convertTasksMd(bundleDir: string, bundle: string, created: string, session: string, budget: TasksBudget): string | undefined {
  const md = join(bundleDir, 'tasks.md');
  if (!existsSync(md)) return undefined;
  if (existsSync(join(bundleDir, 'tasks.json'))) {
    return `bundle ${senderName(bundle)}: its v2 tasks.md was kept as it is, because the bundle already has a tasks.json`;
  }
  const bytes = statSync(md).size;
  const tooLarge = tasksMdTooLarge(bytes, budget);
  if (tooLarge) return `bundle ${senderName(bundle)}: its v2 tasks.md was kept as it is, not converted: ${tooLarge}`;
  budget.converted += bytes;
  const { tasks, leftover } = parseTasksMd(readFileSync(md, 'utf8'), bundle, created, session);
  // The titles are the sender's text: what JSON.stringify leaves raw (bidi overrides, invisible
  // marks) is written as \u escapes, as in every JSON file we write.
  writeFileSync(join(bundleDir, 'tasks.json'), `${jsonText({ tasks }, 2)}\n`);
  if (leftover) {
    return `bundle ${senderName(bundle)}: its v2 tasks.md was converted to tasks.json (${counted(tasks.length, 'task')}) for this v3 walnut, and kept too, because it holds lines that are not tasks`;
  }
  rmSync(md);
  return `bundle ${senderName(bundle)}: its v2 tasks.md was converted to tasks.json (${counted(tasks.length, 'task')}) for this v3 walnut`;
}
