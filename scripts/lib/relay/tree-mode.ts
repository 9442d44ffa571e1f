/**
 * A git tree entry's mode that is a file's bytes (100644, or 100755): not a symbolic link (120000,
 * whose blob is the path it points to) nor a submodule (160000), which a relay may hold under a
 * deposit's name but which are no package. (A module of its own: relay --help loads names.ts.)
 */
export function isRegularFileMode(mode: string): boolean {
  return mode === '100644' || mode === '100755';
}
