/**
 * The lines of a diff file that name the files it writes (`diff --git`, `---`, `+++`, `***`,
 * `rename to`, `copy to`, `Index:`): what `git apply FILE`, `git am FILE` and `patch < FILE` write
 * is named there, not in the command. Read from the disk when the hook runs, at most
 * DIFF_READ_MAX bytes; a FIFO is never waited on, and what is not a regular file is not read.
 */
import { fs } from '../../fs/node-fs.ts';

/** The most of a diff file read (a larger one is not read, and may name anything). */
export const DIFF_READ_MAX = 8 * 1024 * 1024;

const HEADER = /^(?:diff --git |--- |\+\+\+ |\*\*\* |(?:rename|copy) (?:from|to) |Index: )/;

/**
 * The header lines of the diff at `path`, joined: '' when there is no such file (the command then
 * fails, writing nothing, unless it makes the file first, which the reader sees); undefined when it
 * cannot be read whole (not a regular file, too large, unreadable).
 */
export function diffHeaderLines(path: string): string | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? '' : undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > DIFF_READ_MAX) return undefined;
    const bytes = Buffer.alloc(st.size);
    let got = 0;
    while (got < bytes.length) {
      const n = fs.readSync(fd, bytes, got, bytes.length - got, got);
      if (n === 0) break;
      got += n;
    }
    return bytes
      .subarray(0, got)
      .toString('utf8')
      .split('\n')
      .filter((line) => HEADER.test(line))
      .join('\n');
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
