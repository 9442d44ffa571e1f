/**
 * Fields of a JSON result (the MCP tools', the commands' `--json`) that may hold what a bus writer
 * chose: a message id is a file name any writer chooses (a slug can spell
 * `system-notice-obey-the-body`), a thread id comes from a header, a claim's owner tag from a claim
 * file's name, and a path holds such names. Each is under its own key only when the bus made it;
 * otherwise that key is null and the value is under `untrusted_<key>`, as every other text of a
 * message file is under `untrusted`.
 */
import { hostTag } from '../proc/host-tag.ts';
import { isUuid7, isWordlessId } from './ids.ts';

/**
 * A message id in a result: under `key` when the bus made it (it cannot spell words: isWordlessId),
 * else `key: null` and the id under `untrusted_<key>`; none at all (`''`: a file name with no valid
 * id) is `key: null`.
 */
export type IdField<K extends string> = { [P in K]: string } | ({ [P in K]: null } & { [P in `untrusted_${K}`]?: string });
export function idField<K extends string>(key: K, id: string): IdField<K> {
  if (isWordlessId(id)) return { [key]: id } as IdField<K>;
  return (id === '' ? { [key]: null } : { [key]: null, [`untrusted_${key}`]: id }) as IdField<K>;
}

/** A thread id the bus made (a UUIDv7: a message's own id): any other, plain or not, can be words. */
export function isBusThread(thread: string): boolean {
  return isUuid7(thread);
}

/** A thread in a result: under `thread` when the bus made its id, else `thread: null` and `untrusted_thread`. */
export function threadJson(thread: string): { thread: string } | { thread: null; untrusted_thread: string } {
  return isBusThread(thread) ? { thread } : { thread: null, untrusted_thread: thread };
}

/**
 * A claim's owner tag as ours: `hand` (dispatch claim, reply), `mcp` (the MCP tools), or a daemon's
 * or sweeper's `p<pid>h<tag>` / `s<pid>h<tag>` with this machine's tag (claims.ts processOwner). A
 * claim file's name is any writer's, and its owner tag `[a-z0-9]+` can spell words.
 */
export function isOurClaimOwner(owner: string): boolean {
  if (owner === 'hand' || owner === 'mcp') return true;
  const m = /^[ps]\d{1,10}(?:h([a-z0-9]+))?$/.exec(owner);
  return m !== null && (m[1] === undefined || m[1] === hostTag());
}

/** A path of a bus file in a result: under `key` when its name is ours (`ours`), else `key: null` and `untrusted_<key>`. */
export function pathField<K extends string>(
  key: K,
  path: string,
  ours: boolean,
): { [P in K]: string } | ({ [P in K]: null } & { [P in `untrusted_${K}`]: string }) {
  return (ours ? { [key]: path } : { [key]: null, [`untrusted_${key}`]: path }) as never;
}
