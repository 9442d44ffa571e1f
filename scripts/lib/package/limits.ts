/** Default ceiling on a package's expanded size (cli.md 4: 4 GiB, --max-size to change). */
export const DEFAULT_MAX_SIZE = 4 * 1024 * 1024 * 1024;

/**
 * Entries (files, the manifest, folders) verify, extract, receive and relay pull read from one
 * package: a bound on the work and memory a hostile archive costs. No flag raises it, so create
 * refuses a walnut of more files (receiver-limit.ts).
 */
export const MAX_PACKAGE_ENTRIES = 100_000;

/**
 * Most lines of a manifest.yaml read: ten for each entry a package holds (a file takes three). The
 * 32 MiB a manifest may take held 16 million one-character lines, each read on every pass over it
 * (seconds of CPU for a 33 KB package).
 */
export const MANIFEST_LINES_LIMIT = 10 * MAX_PACKAGE_ENTRIES;

/**
 * Most characters of a manifest's short words (sender, source walnut, created, signer) kept or
 * shown: a manifest may be 32 MiB, and what info, extract and receive give goes into an agent's
 * context, the journal and imports.json (which every later receive reads whole).
 */
export const SENDER_WORDS_MAX = 256;

/** Most characters of a manifest's description shown (info, a snapshot received): the sender's prose. */
export const DESCRIPTION_MAX = 2000;

/**
 * Most bytes the archive reader keeps of the names it has met (every entry's, and each folder above
 * one, remembered to refuse a name used twice or as a file and a folder), counted at NAME_SLOT_BYTES
 * a name plus an entry name's own bytes. Before the manifest nothing else bounds them but the entry
 * limit: 100,000 entries with 3 KB names, or 5,000 each 2,040 new folders deep (10 million folder
 * names), took gigabytes. The files of a manifest that fits MANIFEST_LIMIT (32 MiB) keep about as
 * much as it (each listed file's lines hold its name and some 100 bytes more); each folder above
 * them 128 bytes more: 100,000 files of 200-byte names in 30,000 folders keep 37 MB.
 */
export const NAMES_HELD_LIMIT = 64 * 1024 * 1024;
/**
 * What keeping one name counts besides its text: what a slot of a Map and a string header took
 * (measured: ~117 bytes a folder name). The names are now kept in typed arrays (name-set.ts, about
 * 21 bytes a name), and counted as before: the bound refuses the same packages.
 */
export const NAME_SLOT_BYTES = 128;
