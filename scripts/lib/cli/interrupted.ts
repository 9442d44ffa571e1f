/**
 * The one way a command says it was stopped by Ctrl-C (SIGINT, SIGTERM, SIGHUP): an `interrupted`
 * failure (reportInterrupted: under --json one failure object, and the `error:` line), then the
 * process ends as the signal would (proc/interrupt-cleanup.ts). Not in the entry: only the
 * commands that use it load it.
 */
import { reportInterrupted, type CommandIo } from './command.ts';
import { cleanUpIfInterrupted } from '../proc/interrupt-cleanup.ts';

/** Reports `message` if an ending signal arrives before the returned release is called. */
export function reportIfInterrupted(ctx: { io: CommandIo; json: boolean }, message: string): () => void {
  return cleanUpIfInterrupted(() => reportInterrupted(ctx.io, ctx.json, message));
}

/** Runs `work`, reporting `message` if an ending signal stops it. */
export async function reportingInterrupt<T>(ctx: { io: CommandIo; json: boolean }, message: string, work: () => Promise<T>): Promise<T> {
  const release = reportIfInterrupted(ctx, message);
  try {
    return await work();
  } finally {
    release();
  }
}
