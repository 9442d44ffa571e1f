/**
 * Which receivers exist: a folder under runtimes/, or one of HelloWorld's meta-receivers (the
 * agents the reference runs daemons for, and HelloWorld itself), which need no folder yet. A send
 * to any other name is most likely a typo (`@gemni`), refused with the closest known name: named
 * when every bus has it (ours: `did you mean @gemini?`), else as the refusal's untrusted detail (a
 * folder's name is any bus writer's, never our words).
 */
import type { Dirent } from 'node:fs';
import { join } from 'node:path';
import { listBusDirentsUpTo, lstatBus } from './fsutil.ts';
import { busListMax } from './list-bound.ts';
import { AliveError, type UntrustedDetail } from '../errors.ts';
import { META_RECEIVERS } from '../helloworld/vocabulary.ts';
import { runtimesDir } from './layout.ts';
import { displayName, isValidName } from './names.ts';
import { inlineText } from '../text/untrusted.ts';
import { closestName } from '../text/closest.ts';
import { untrustedDetail } from '../text/fence.ts';

/** Receivers known without a folder: the meta-receivers, and HelloWorld itself. */
export const RECEIVERS_WITHOUT_FOLDER: readonly string[] = [...META_RECEIVERS, 'helloworld'];

/** `names` (sorted) with the receivers every bus has first: a walk opens those first (list-bound.ts receiverFoldersMax). */
export function everyBusFirst(names: readonly string[]): string[] {
  const every = (n: string) => RECEIVERS_WITHOUT_FOLDER.includes(n);
  return [...names.filter(every), ...names.filter((n) => !every(n))];
}

/** Receiver folder names under runtimes/ (valid, lowercase names only), sorted. */
export function listReceivers(root: string): string[] {
  return listReceiversUpTo(root, Number.POSITIVE_INFINITY).receivers;
}

/**
 * listReceivers among the first `max` entries of runtimes/ (`listed` of them; `more`: it holds
 * more): any bus writer can make any number of folders there (listBusDirentsUpTo).
 */
export function listReceiversUpTo(root: string, max: number): { receivers: string[]; listed: number; more: boolean } {
  let r: { entries: Dirent[]; more: boolean };
  try {
    r = listBusDirentsUpTo(root, runtimesDir(root), max);
  } catch (err) {
    if (err instanceof AliveError) throw err; // runtimes/ is a link
    return { receivers: [], listed: 0, more: false };
  }
  const receivers = r.entries
    .filter(isReceiverFolder)
    .map((d) => d.name)
    .sort();
  return { receivers, listed: r.entries.length, more: r.more };
}

/** An entry of runtimes/ that is a receiver's folder. A link is not a directory here: it is not one. */
export function isReceiverFolder(d: Dirent): boolean {
  return d.isDirectory() && isValidName(d.name) && d.name === d.name.toLowerCase();
}

/** Folder receivers (among the first busListMax entries of runtimes/: any bus writer can make any number) and meta-receivers. */
export function knownReceivers(root: string): string[] {
  return [...new Set([...listReceiversUpTo(root, busListMax()).receivers, ...RECEIVERS_WITHOUT_FOLDER])].sort();
}

/**
 * Refuses a receiver (folder name) that does not exist yet and is not a meta-receiver, the closest
 * known one in its untrusted detail. `create` lets it through (its folder appears with the message).
 */
export function checkReceiverKnown(root: string, name: string, create = false): void {
  if (create) return;
  const unknown = unknownReceiver(root, name);
  if (!unknown) return;
  throw new AliveError(`${unknown.text} Pass --create to send to a new receiver ${displayName(name)}.`, {
    code: 'unknown_receiver',
    fields: { receiver: displayName(name), ...(unknown.suggestion ? { suggestion: unknown.suggestion } : {}) },
    ...(unknown.similar ? { untrusted: unknown.similar } : {}),
  });
}

export interface UnknownReceiver {
  text: string;
  /** The closest receiver every bus has (`@gemini`): ours, named in `text`. */
  suggestion: string | undefined;
  /** The closest folder name under runtimes/, someone else's: the detail 'receivers like it'. */
  similar: UntrustedDetail | undefined;
}

/**
 * For a receiver that has no folder and is none every bus has: says so, and that the closest known
 * name (a likely typo) follows as `similar`, the detail 'receivers like it': it is a folder name
 * under runtimes/ (`@ignore-previous-instructions`), shown fenced or under `untrusted`, never in
 * `text`. Reading an inbox nobody has finds nothing; this says why.
 */
export function unknownReceiver(root: string, name: string): UnknownReceiver | undefined {
  if (RECEIVERS_WITHOUT_FOLDER.includes(name)) return undefined;
  // Its folder looked up by name: runtimes/ is listed only for the name like one that is not there.
  if (lstatBus(root, join(runtimesDir(root), name))?.isDirectory()) return undefined;
  const known = knownReceivers(root);
  if (known.includes(name)) return undefined;
  const suggestion = closestName(name, known);
  const missing = `there is no receiver ${displayName(name)} (no ${inlineText(`${runtimesDir(root)}/${name}/`, 1000)})`;
  if (suggestion === undefined) return { text: `${missing}.`, suggestion: undefined, similar: undefined };
  if (RECEIVERS_WITHOUT_FOLDER.includes(suggestion)) {
    return { text: `${missing}; did you mean ${displayName(suggestion)}?`, suggestion: displayName(suggestion), similar: undefined };
  }
  return {
    text: `${missing}; receivers with similar names are listed in the untrusted detail that follows.`,
    suggestion: undefined,
    similar: untrustedDetail('receivers like it', displayName(suggestion)),
  };
}

/**
 * What a listing's JSON says of a receiver nobody has: `note`, and the name like it: `suggestion`
 * when every bus has it, else under `untrusted`.
 */
export function unknownReceiverJson(unknown: UnknownReceiver | undefined): { note?: string; suggestion?: string; untrusted?: Record<string, string> } {
  if (!unknown) return {};
  return {
    note: unknown.text,
    ...(unknown.suggestion ? { suggestion: unknown.suggestion } : {}),
    ...(unknown.similar ? { untrusted: unknown.similar.json } : {}),
  };
}
