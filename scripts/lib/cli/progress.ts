/** Progress on stderr, only when stderr is a terminal (cli.md section 3). */
export interface Progress {
  update(doneBytes: number): void;
  done(): void;
}

export function createProgress(label: string, totalBytes: number): Progress {
  const tty = process.stderr.isTTY === true && totalBytes > 4 * 1024 * 1024;
  if (!tty) return { update() {}, done() {} };
  let last = 0;
  return {
    update(doneBytes) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const pct = totalBytes > 0 ? Math.min(100, Math.floor((doneBytes / totalBytes) * 100)) : 100;
      process.stderr.write(`\r${label} ${pct}% (${formatBytes(doneBytes)} of ${formatBytes(totalBytes)})`);
    },
    done() {
      process.stderr.write('\r\x1b[K');
    },
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
