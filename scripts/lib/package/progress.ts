/**
 * Progress of long byte work (packing, reading a package, relay transfers), reported by the library to whoever
 * runs it: the library never writes to a terminal; a command passes `ctx.progress` (cli/command.ts),
 * which shows it on stderr when that is a terminal.
 */
export interface ByteProgress {
  /** packing and reading a package; uploading and downloading one through a relay. */
  phase: 'packing' | 'reading' | 'uploading' | 'downloading';
  doneBytes: number;
  /** 0 while the total is not known yet (a relay download whose size the listing did not give). */
  totalBytes: number;
  /** The last event of this phase. */
  finished: boolean;
}

export type OnProgress = (progress: ByteProgress) => void;
