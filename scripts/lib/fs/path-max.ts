/**
 * The longest path, in bytes with its closing NUL, that the system opens by name (PATH_MAX:
 * 1024 on macOS, 4096 on Linux). A longer one exists only below a folder opened on its own, and
 * most programs (editors, agents' file tools, `create`) cannot reach it.
 */
export const PATH_MAX_BYTES = process.platform === 'darwin' ? 1024 : 4096;

/** Is `abs` (an absolute path) too long to be opened by name? */
export function pathTooLong(abs: string): boolean {
  return Buffer.byteLength(abs) + 1 > PATH_MAX_BYTES;
}
