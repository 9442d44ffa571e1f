/**
 * Progress of long byte work (packing, reading a package), reported by the library to whoever
 * runs it: the library never writes to a terminal; a command passes `ctx.progress` (cli/command.ts),
 * which shows it on stderr when that is a terminal.
 */
export interface ByteProgress {
  phase: 'packing' | 'reading';
  doneBytes: number;
  totalBytes: number;
  /** The last event of this phase. */
  finished: boolean;
}

export type OnProgress = (progress: ByteProgress) => void;
