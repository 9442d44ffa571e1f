// Preloaded with `node --import` by the benchmarks only: reports the process's peak RSS (KiB)
// to the file named in ALIVE_BENCH_RSS_FILE when it exits. Product code knows nothing of it.
import { appendFileSync } from 'node:fs';
const file = process.env.ALIVE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // benchmark bookkeeping only
    }
  });
}
