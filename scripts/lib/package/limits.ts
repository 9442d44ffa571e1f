/** Default ceiling on a package's expanded size (cli.md 4: 4 GiB, --max-size to change). */
export const DEFAULT_MAX_SIZE = 4 * 1024 * 1024 * 1024;

/**
 * Entries (files, the manifest, folders) verify, extract, receive and relay pull read from one
 * package: a bound on the work and memory a hostile archive costs. No flag raises it, so create
 * refuses a walnut of more files (receiver-limit.ts).
 */
export const MAX_PACKAGE_ENTRIES = 100_000;

/** Most characters of a manifest's description shown (info, a snapshot received): the sender's prose. */
export const DESCRIPTION_MAX = 2000;
