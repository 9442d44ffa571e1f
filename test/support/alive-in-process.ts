/**
 * `alive-p2p <command> …` run in-process (runCaptured) instead of as a child of the bundle: the
 * same command objects the entry routes to, with the child's environment applied to this process
 * for the duration of the call. For tests of a command's logic; each feature keeps a few runs of
 * the real bundle (test/support/bundles.ts) for the entry itself.
 */
import { runCaptured, type Command } from '../../scripts/lib/cli/command.ts';
import { keygenCommand } from '../../scripts/lib/crypto/commands/keygen.ts';
import { createCommand } from '../../scripts/lib/package/commands/create.ts';
import { extractCommand } from '../../scripts/lib/package/commands/extract.ts';
import { infoCommand } from '../../scripts/lib/package/commands/info.ts';
import { verifyCommand } from '../../scripts/lib/package/commands/verify.ts';
import { receiveCommand } from '../../scripts/lib/receive/commands/receive.ts';
import { startEnvRun } from './env-runs.ts';

const COMMANDS: Record<string, Command> = {
  create: createCommand,
  info: infoCommand,
  verify: verifyCommand,
  extract: extractCommand,
  receive: receiveCommand,
  keygen: keygenCommand,
};

/** The variables a command reads; each call sets them exactly as `env` has them (unset if absent). */
const VARIABLES = [
  'ALIVE_HOME',
  'HOME',
  'TMPDIR',
  'WALNUT_PASSPHRASE',
  'ALIVE_DEBUG',
  'ALIVE_WORLD_ROOT',
  'ALIVE_SESSION_ID',
  'GH_TOKEN',
  'GITHUB_TOKEN',
  'GH_ENTERPRISE_TOKEN',
  'GITHUB_ENTERPRISE_TOKEN',
];

export interface InProcessResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `alive-p2p <args>` in-process with `env` as a child would see it (the real process
 * environment is changed, not replaced, so os.tmpdir() and os.homedir() follow it) and restored.
 * Calls must not overlap (test/support/env-runs.ts fails the second).
 */
export async function aliveInProcess(args: string[], env: NodeJS.ProcessEnv): Promise<InProcessResult> {
  const [name, ...rest] = args;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) throw new Error(`aliveInProcess: no command '${name}' (run the bundle for the group itself)`);
  const ended = startEnvRun(`alive-p2p ${args.join(' ')}`);
  const saved = new Map(VARIABLES.map((k) => [k, process.env[k]]));
  const apply = (from: (k: string) => string | undefined) => {
    for (const k of VARIABLES) {
      const v = from(k);
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply((k) => env[k]);
  try {
    const r = await runCaptured(command, rest);
    return { status: r.code, stdout: r.stdout, stderr: r.stderr };
  } finally {
    apply((k) => saved.get(k));
    ended();
  }
}
