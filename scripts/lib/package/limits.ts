/** Default ceiling on a package's expanded size (cli.md 4: 4 GiB, --max-size to change). */
export const DEFAULT_MAX_SIZE = 4 * 1024 * 1024 * 1024;

/** Most characters of a manifest's description shown (info, a snapshot received): the sender's prose. */
export const DESCRIPTION_MAX = 2000;
