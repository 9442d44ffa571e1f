/**
 * The order test files start in (vitest.config.ts sequence.sequencer): vitest's own (the slowest
 * first), except that the files that hold hundreds of megabytes for a moment start last.
 *
 * A worker runs many files (isolate: false) and keeps the memory its largest moment took: V8 and
 * malloc do not hand it back. Every child process a test starts (the suite starts thousands: git,
 * the bundles, openssl) is a fork of the worker, whose cost grows with the worker's resident size:
 * after github-transport.test.ts (200,000 listed files) a worker was about 240 MB, not 130, and the
 * relay files it ran next took 30-50% more CPU (pull-copies.test.ts 2.3 -> 3.5 s). Started last,
 * such a file leaves a large worker with nothing after it.
 *
 * Under --sequence.shuffle the files are shuffled with the run's seed, as vitest's RandomSequencer does.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files after which a worker stayed 40-100 MB larger (a run with each worker's size logged per file). */
export const MEMORY_PEAKS = [
  'test/relay/github-transport.test.ts',
  'test/relay/tree-bomb.test.ts',
  'test/package/vectors.test.ts',
  'test/receive/package-log-size.test.ts',
  'test/relay/progress.test.ts',
  'test/tooling/one-place.test.ts',
];

function seededShuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export class MemoryPeaksLast extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { shuffle, seed } = this.ctx.config.sequence;
    if (shuffle) return seededShuffle(files, seed);
    const sorted = await super.sort(files);
    const peak = (f: TestSpecification) => MEMORY_PEAKS.some((p) => f.moduleId.endsWith(`/${p}`));
    return [...sorted.filter((f) => !peak(f)), ...sorted.filter(peak)];
  }
}
