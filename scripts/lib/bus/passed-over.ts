/**
 * Folders of other receivers that a lookup over the whole bus passes over. Any bus writer can make
 * a receiver's folder a link or a file; `show ID`, `wait ID`, `reply ID` … look through every
 * receiver for the id, and one such folder refused them all, for every message. Inside
 * `passingOver` (what the commands and the MCP server run their lookups in), a whole-bus lookup
 * meeting a faulty folder reads nothing through it, goes on, and the fault is kept to be reported;
 * outside it (library callers), the fault stops the lookup as before. A lookup of one named
 * receiver (listed-receivers.ts) never passes its own folders over: a link there is refused.
 *
 * The scope is an AsyncLocalStorage so that the MCP server's concurrent tool calls each keep
 * their own list; async_hooks loads only when a scope is opened.
 */
import type { AsyncLocalStorage } from 'node:async_hooks';
import { busFolderProblemInPlace, isBusFolderFault } from './fsutil.ts';

/**
 * Faults reported by name, the first met; the others are counted. Any bus writer can make
 * thousands of faulty folders: named all, they made an MCP result too large to send.
 */
export const PASSED_OVER_SHOWN = 20;

let scope: AsyncLocalStorage<Set<string>> | undefined;
/** One scope for every caller: two calls that open the first at once must not each make one. */
let scopeMade: Promise<AsyncLocalStorage<Set<string>>> | undefined;

/**
 * Runs `fn` where whole-bus lookups pass faulty folders over; returns its value (or rethrows) and
 * hands the faults met (each the refusal's text: it names the folder, a bus writer's folder name
 * among its parts), the first PASSED_OVER_SHOWN of them, and how many there were, to `report`,
 * also when `fn` throws.
 */
export async function passingOver<T>(fn: () => Promise<T> | T, report: (faults: string[], total: number) => void): Promise<T> {
  scope ??= await (scopeMade ??= import('node:async_hooks').then((m) => new m.AsyncLocalStorage<Set<string>>()));
  const faults = new Set<string>();
  try {
    return await scope.run(faults, fn);
  } finally {
    report([...faults].slice(0, PASSED_OVER_SHOWN), faults.size);
  }
}

/**
 * `fn()`, or `fallback` when it meets a bus folder that is a link, not a folder, or unreadable and
 * a passingOver scope is open (the fault is kept for its report). Outside a scope the fault is thrown.
 */
export function orPassedOver<T>(fallback: T, fn: () => T): T {
  const faults = scope?.getStore();
  if (faults === undefined) return fn();
  try {
    return fn();
  } catch (err) {
    if (!isBusFolderFault(err)) throw err;
    faults.add(busFolderProblemInPlace(err));
    return fallback;
  }
}

/** The faults met so far in the scope this code runs in (the first PASSED_OVER_SHOWN, and their number), if any. */
export function passedOverSoFar(): { faults: string[]; total: number } | undefined {
  const faults = scope?.getStore();
  return faults === undefined || faults.size === 0 ? undefined : { faults: [...faults].slice(0, PASSED_OVER_SHOWN), total: faults.size };
}
