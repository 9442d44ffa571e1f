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
  /**
   * With ALIVE_DEBUG=1: a producer says why it stays silent (no world, no relay, state fresh ...).
   * Absent otherwise, so the reasons cost nothing.
   */
  debug?: (reason: string) => void;
}

export type NoticeProducer = (ctx: NoticeContext) => Promise<string | undefined> | string | undefined;

export interface NamedProducer {
  /** Names the producer in ALIVE_DEBUG lines (`relay`, `bus`). */
  name: string;
  produce: NoticeProducer;
}

/**
 * Runs the producers concurrently; returns the non-empty notices in the producers' order. With
 * `debug`, each silent producer is reported with the reasons it gave (or that it had none).
 */
export async function collectNotices(producers: readonly NamedProducer[], ctx: NoticeContext, debug?: (line: string) => void): Promise<string[]> {
  const results = await Promise.all(
    producers.map(async ({ name, produce }) => {
      const reasons: string[] = [];
      const own: NoticeContext = debug ? { ...ctx, debug: (r) => reasons.push(r) } : ctx;
      let text = '';
      try {
        const out = await produce(own);
        text = typeof out === 'string' ? out.trim() : '';
      } catch (err) {
        reasons.push(`failed: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (debug && text === '') debug(`${name}: silent: ${reasons.join('; ') || 'nothing to report'}`);
      return text;
    }),
  );
  return results.filter((t) => t !== '');
}
