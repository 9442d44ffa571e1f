import type { ByteProgress, OnProgress } from '../package/progress.ts';

/** Where progress may go: a stream that says whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * Progress on `stream` only when it is a terminal and the work is large (cli.md section 3): one
 * line redrawn at most every 100 ms, cleared when the phase finishes. Whether the stream is a
 * terminal is asked once the work turns out large: for the entry's stderr the answer creates
 * process.stderr, which on a pipe loads net and the stream modules (cli/process-io.ts).
 */
export function terminalProgress(stream: ProgressStream = process.stderr, minBytes = 4 * 1024 * 1024): OnProgress {
  let terminal: boolean | undefined;
  let last = 0;
  let shown = false;
  return (p: ByteProgress) => {
    // A total not known yet (0) counts as large once that many bytes went by.
    if (Math.max(p.totalBytes, p.doneBytes) <= minBytes) return;
    terminal ??= stream.isTTY === true;
    if (!terminal) return;
    if (p.finished) {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
      return;
    }
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    shown = true;
    if (p.totalBytes <= 0) {
      stream.write(`\r\x1b[K${p.phase} ${formatBytes(p.doneBytes)}`);
      return;
    }
    const pct = Math.min(100, Math.floor((p.doneBytes / p.totalBytes) * 100));
    // Erased to the end: '1.0 MB' after '1023.0 KB' is shorter and would leave characters behind.
    stream.write(`\r\x1b[K${p.phase} ${pct}% (${formatBytes(p.doneBytes)} of ${formatBytes(p.totalBytes)})`);
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GiB`;
}
