/**
 * The entry's stdout and stderr (`runEntry`): written with fs.writeSync on descriptors 1 and 2,
 * so that a command that prints its help or a status line never creates process.stdout, whose
 * set-up on a pipe loads net and the stream modules (about 5 ms of start-up, bench/startup.ts).
 *
 * The stream takes over for the rest of the run when the descriptor is non-blocking and full
 * (EAGAIN: it queues and waits for the reader) or a write fails otherwise; everything written
 * before is already in the descriptor, so the order holds. A reader that went away (EPIPE) ends
 * the process quietly with its exit code so far, as `cmd | head` expects.
 */
import { writeSyncUntilFull } from '../fs/write-fd.ts';
import type { CommandIo } from './command.ts';

type Output = CommandIo['stderr'];

function exitOnClosedPipe(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
}

export function processOutput(fd: 1 | 2): Output {
  let stream: NodeJS.WriteStream | undefined;
  const toStream = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = fd === 1 ? process.stdout : process.stderr;
      stream.on('error', exitOnClosedPipe);
    }
    return stream;
  };
  return {
    write(text: string): boolean {
      if (stream) return stream.write(text);
      const bytes = Buffer.from(text, 'utf8');
      let offset: number;
      try {
        offset = writeSyncUntilFull(fd, bytes);
      } catch (err) {
        const e = err as NodeJS.ErrnoException & { written?: number };
        if (e.code === 'EPIPE') exitOnClosedPipe(e);
        offset = e.written ?? 0;
      }
      return offset === bytes.length ? true : toStream().write(bytes.subarray(offset));
    },
    // Read only when progress is about to be shown (the tty module loads net).
    get isTTY(): boolean {
      return toStream().isTTY === true;
    },
  };
}

/**
 * Watches process.stdin, process.stdout and process.stderr from now on: the function returned
 * says whether none of them has been created (or asked for) since. Until one is, everything the
 * process wrote went out with write(2), and no stream holds output or input back.
 */
export function watchProcessStreams(): () => boolean {
  let touched = false;
  for (const name of ['stdin', 'stdout', 'stderr'] as const) {
    const descriptor = Object.getOwnPropertyDescriptor(process, name);
    const get = descriptor?.get;
    if (!descriptor?.configurable || !get) {
      touched = true;
      continue;
    }
    Object.defineProperty(process, name, {
      ...descriptor,
      get() {
        touched = true;
        return get.call(process);
      },
    });
  }
  return () => !touched;
}
