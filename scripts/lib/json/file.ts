import { readFileSync } from 'node:fs';
import type * as z from './zod.ts';
import { AliveError, errnoCode, messageOf } from '../errors.ts';

/** Reads and validates a JSON file; undefined when it does not exist. Errors name the field. */
export function readJsonFile<T>(path: string, schema: z.ZodMiniType<T>, what: string, repair: string): T | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw new AliveError(`cannot read ${what} ${path}: ${messageOf(err)}`, { code: 'unreadable' });
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
