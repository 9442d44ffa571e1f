/**
 * What Octokit imports from json-with-bigint (`JSONParse`, `JSONStringify`), as the engine's own
 * JSON: the bundles (tools/build-options.mjs) and the tests (vitest.config.ts) put this module in
 * its place. On Node 20, whose JSON.parse gives a reviver no source text, json-with-bigint scans
 * every answer with a regular expression and revives every value: a tree listing of 100,000
 * entries took 1.0-1.2 s to parse against 0.08-0.1 s for JSON.parse (bench in the commit message).
 * The relay reads listings at every probe, inbox, pull and push.
 *
 * What is given up: a whole number past 2^53 arrives as an inexact number instead of a BigInt.
 * The transport uses no such number: it reads `size` and an invitation's `id` only when
 * Number.isSafeInteger holds (an unsafe one was a BigInt before and was skipped the same way),
 * and it sends none.
 */
export function JSONParse(text: string): unknown {
  return JSON.parse(text);
}

export function JSONStringify(value: unknown): string | undefined {
  return JSON.stringify(value);
}
