/**
 * Changing process.env for in-process tests. The variables are set on the real process.env, never
 * by assigning a new object to it: os.homedir() and os.tmpdir() read the process's environment,
 * which a plain object put in its place no longer changes, so a later test in the same worker
 * would see its own HOME in process.env and another one in os.homedir().
 */

/** Sets `vars` on process.env (undefined unsets one); the returned function puts back what was there. */
export function setProcessEnv(vars: Record<string, string | undefined>): () => void {
  const before = new Map(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (from: (k: string) => string | undefined) => {
    for (const k of before.keys()) {
      const v = from(k);
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply((k) => vars[k]);
  return () => apply((k) => before.get(k));
}

/** Makes process.env hold exactly `snapshot` (the same object stays in place). */
export function resetProcessEnv(snapshot: Readonly<Record<string, string | undefined>>): void {
  for (const k of Object.keys(process.env)) if (!(k in snapshot)) delete process.env[k];
  for (const [k, v] of Object.entries(snapshot)) {
    if (v === undefined) delete process.env[k];
    else if (process.env[k] !== v) process.env[k] = v;
  }
}
