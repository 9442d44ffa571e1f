/**
 * The lines of a diff file that name the files it writes (`diff --git`, `---`, `+++`, `***`,
 * `rename to`, `copy to`, `Index:`), C-quoted names unquoted: what `git apply FILE`, `git am FILE`
 * and `patch < FILE` write is named there, not in the command. A mailbox whose body is encoded
 * (base64, quoted-printable) is not read: git am decodes it first. Read when the hook runs, at most
 * DIFF_READ_MAX bytes; a FIFO is never waited on, and what is not a regular file is not read.
 */
import { fs } from '../../fs/node-fs.ts';

/** The most of a diff file read (a larger one is not read, and may name anything). */
export const DIFF_READ_MAX = 8 * 1024 * 1024;

const HEADER = /^(?:diff --git |--- |\+\+\+ |\*\*\* |(?:rename|copy) (?:from|to) |Index: )/;

/**
 * A mail header that makes git am decode the body before it reads the diff: any transfer encoding
 * but the three that leave it as it is, read as git reads headers (folded lines joined).
 */
const ENCODED_BODY = /^Content-Transfer-Encoding[ \t]*:[ \t]*(?!(?:7bit|8bit|binary)[ \t]*$)/im;

const C_ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/**
 * A header line with git's C-quoted names (`"a/l\\157g.md"`) as the names they stand for: octal
 * escapes are bytes (a run of them one UTF-8 text), the others their characters.
 */
function unquoteC(line: string): string {
  if (!line.includes('\\')) return line;
  return line.replace(/((?:\\[0-7]{3})+)|\\(.)/g, (_m: string, octal: string | undefined, ch: string | undefined) =>
    octal !== undefined ? Buffer.from((octal.match(/[0-7]{3}/g) ?? []).map((o) => Number.parseInt(o, 8))).toString('utf8') : (C_ESCAPES[ch ?? ''] ?? ch ?? ''),
  );
}

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
    const body = bytes.subarray(0, got).toString('utf8');
    // A mailbox whose body git am decodes first: its names are not in the text as written.
    if (ENCODED_BODY.test(body.replace(/\r?\n[ \t]+/g, ' '))) return undefined;
    return body
      .split('\n')
      .filter((line) => HEADER.test(line))
      .map(unquoteC)
      .join('\n');
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}
