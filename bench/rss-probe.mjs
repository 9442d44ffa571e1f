// Preloaded with `node --import` by the benchmarks only: reports the process's peak RSS (KiB)
// to the file named in ALIVE_BENCH_RSS_FILE when it exits. Product code knows nothing of it.
//
// On Linux the peak is VmHWM of /proc/self/status, the high-water mark of this process's own
// memory: getrusage's maxRSS also counts the copy of the parent the process was forked from
// (kept across exec), so a run started by a runner holding 200 MB reported over 200 MB
// (test/tooling/rss-probe.test.ts). Elsewhere, maxRSS.
import { appendFileSync, readFileSync } from 'node:fs';

function peakKib() {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no procfs
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.ALIVE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      appendFileSync(file, `${peakKib()}\n`);
    } catch {
      // benchmark bookkeeping only
    }
  });
}
