/**
 * What a command writes aside while it works (a package's `.partial`, an extraction's staging
 * folder) must not outlive a Ctrl-C: the cleanups registered with cleanUpIfInterrupted run in the
 * signal's listener, and the process then ends as the signal would have ended it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUpIfInterrupted } from '../../scripts/lib/proc/interrupt-cleanup.ts';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const counts = () => SIGNALS.map((s) => process.listenerCount(s));

afterEach(() => vi.restoreAllMocks());

describe('cleanUpIfInterrupted', () => {
  it('listens for the ending signals only while a cleanup is registered', () => {
    const before = counts();
    const releaseA = cleanUpIfInterrupted(() => {});
    const releaseB = cleanUpIfInterrupted(() => {});
    expect(counts()).toEqual(before.map((n) => n + 1));
    releaseA();
    expect(counts()).toEqual(before.map((n) => n + 1));
    releaseB();
    expect(counts()).toEqual(before);
    releaseB();
    expect(counts()).toEqual(before);
  });

  it.each(SIGNALS)('on %s runs every registered cleanup (newest first, past one that throws), then ends the process with that signal', (signal) => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true);
    const before = counts();
    const ran: string[] = [];
    cleanUpIfInterrupted(() => ran.push('outer'));
    cleanUpIfInterrupted(() => {
      ran.push('failing');
      throw new Error('EBUSY');
    });
    const released = cleanUpIfInterrupted(() => ran.push('released'));
    cleanUpIfInterrupted(() => ran.push('inner'));
    released();
    process.emit(signal, signal);
    expect(ran).toEqual(['inner', 'failing', 'outer']);
    expect(kill).toHaveBeenCalledWith(process.pid, signal);
    // Nothing is left listening: the re-raised signal meets the default action.
    expect(counts()).toEqual(before);
  });
});
