import { closeSync, constants, openSync } from 'node:fs';
import type * as z from './zod.ts';
import { AliveError, errnoCode, messageOf } from '../errors.ts';
import { readOpenRegularFile } from '../fs/small-file.ts';

/** The most of a JSON file read: our own files are far smaller; a larger one is refused unread. */
export const JSON_FILE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads and validates a JSON file; undefined when it does not exist. Errors name the field. Only a
 * regular file is read (through a link, as its writers go): a FIFO or device in its place is
 * opened without waiting and refused, as a file over `maxBytes` is, unread.
 */
export function readJsonFile<T>(path: string, schema: z.ZodMiniType<T>, what: string, repair: string, maxBytes = JSON_FILE_MAX_BYTES): T | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw new AliveError(`cannot read ${what} ${path}: ${messageOf(err)}`, { code: 'unreadable' });
  }
  let text: string;
  try {
    const read = readOpenRegularFile(fd, { maxBytes });
    if (!read.ok) {
      const why =
        read.problem === 'not_a_file'
          ? 'it is not a regular file (a folder, FIFO or device)'
          : read.problem === 'too_large'
            ? `it is larger than ${maxBytes} bytes (${read.size})`
            : `it cannot be read (${read.code})`;
      throw new AliveError(`cannot read ${what} ${path}: ${why}; ${repair}`, { code: 'unreadable' });
    }
    text = read.bytes.toString('utf8');
  } finally {
    closeSync(fd);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new AliveError(`${what} ${path} is not valid JSON (${messageOf(err)}); ${repair}`, { code: 'invalid_json' });
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new AliveError(`${what} ${path}: ${issueText(parsed.error.issues)}; ${repair}`, { code: 'invalid_field' });
  }
  return parsed.data;
}

/** What is wrong with `value` for `schema` (`field 'x' is …`, the first issue), or undefined when it passes. */
export function schemaProblem(schema: z.ZodMiniType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : issueText(parsed.error.issues);
}

function issueText(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  const issue = issues[0];
  const field = issue && issue.path.length > 0 ? formatPath(issue.path) : '(top level)';
  return `field '${field}' ${issue?.message ?? 'is invalid'}`;
}

function formatPath(path: PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out === '' ? String(p) : `.${String(p)}`;
  return out;
}
