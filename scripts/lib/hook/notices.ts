/**
 * SessionStart notices: each producer looks at one thing (the relay inbox, the HelloWorld bus ...)
 * and returns a short text for the model, or nothing. relay-check runs them all at once and joins
 * what they return into one additionalContext. A producer that throws is treated as silent.
 */
export interface NoticeContext {
  /**
   * The session's folder: the hook input's cwd, else the process's. Reading the input costs
   * start-up time, so it happens only when a producer asks (once, shared by all).
   */
  sessionCwd: () => Promise<string>;
  env: NodeJS.ProcessEnv;
  /** Epoch ms by which every producer must have returned (the hook's own budget). */
  deadline: number;
  /** The folder holding the dist bundles (where relay-probe.mjs sits next to relay-check.mjs). */
  distDir: string;
  now: () => number;
}

export type NoticeProducer = (ctx: NoticeContext) => Promise<string | undefined> | string | undefined;

/** Runs the producers concurrently; returns the non-empty notices in the producers' order. */
export async function collectNotices(producers: readonly NoticeProducer[], ctx: NoticeContext): Promise<string[]> {
  const results = await Promise.all(
    producers.map(async (produce) => {
      try {
        const text = await produce(ctx);
        return typeof text === 'string' ? text.trim() : '';
      } catch {
        return '';
      }
    }),
  );
  return results.filter((t) => t !== '');
}
