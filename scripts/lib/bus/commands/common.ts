/** Helpers shared by the dispatch subcommands. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../../errors.ts';
import { InvalidNameError, normaliseName } from '../names.ts';
import { resolveBusRoot } from '../root.ts';

export const ROOT_OPTION = { root: { type: 'string' } } as const;

export function busRoot(flag: string | undefined): string {
  return resolveBusRoot(flag, process.cwd(), process.env);
}

/** A receiver or sender name from the command line; a bad one is a usage error (exit 2). */
export function nameArg(raw: string | undefined, what: string, usage: string): string {
  if (raw === undefined) throw new UsageError(`missing ${what}\n${usage}`);
  try {
    return normaliseName(raw, what);
  } catch (err) {
    if (err instanceof InvalidNameError) throw new UsageError(`${err.message}\n${usage}`);
    throw err;
  }
}

/** Text given on the command line, or read from stdin when it is '-'. */
export function textArg(raw: string): string {
  return raw === '-' ? readFileSync(0, 'utf8') : raw;
}

/** --wait / timeouts: a positive number of seconds (decimals allowed), as ms. */
export function secondsArg(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > 86_400) {
    throw new UsageError(`${flag} takes a number of seconds between 0 and 86400, got '${value}'`);
  }
  return Math.round(n * 1000);
}

/** The sender for commands that send: --from, else HELLOWORLD_AS (set for agents), else @human. */
export function senderArg(flag: string | undefined, usage: string): string {
  const raw = flag ?? process.env.HELLOWORLD_AS ?? '@human';
  return nameArg(raw, 'sender', usage);
}
