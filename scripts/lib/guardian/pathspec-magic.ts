/**
 * A git pathspec's short magic (`:/x`, `:!x`, `:^x`, `::x`): git's signature characters alone
 * (pathspec.c's GIT_PATHSPEC_MAGIC, and `^` for `!`), up to an optional `:`. A glob character
 * starts the path: `:/*.md`, `:?og.md` and `:[l]og.md` are globs that may match log.md (seventh
 * review of 2026-12-07). Shared by the quick check (decide.ts) and the reader (shell/programs.ts).
 */
export const SHORT_MAGIC = /^:([!"#%&',\-/;<=>@_`~^]*):?/;

/** `spec` without its short magic (as it is when it has none). */
export function withoutShortMagic(spec: string): string {
  return spec.startsWith(':') ? spec.slice(SHORT_MAGIC.exec(spec)![0].length) : spec;
}
