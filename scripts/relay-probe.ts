import { dirname, join } from 'node:path';
import { parseCommandArgs } from './lib/cli/args.ts';
import { printJson, printLine, runMain, warn } from './lib/cli/main.ts';
import { UsageError, messageOf } from './lib/errors.ts';
import { killAllGitChildren } from './lib/relay/git-run.ts';
import { defaultRelayPaths, relayPathsForConfig } from './lib/relay/paths.ts';
import { probeRelay, readPreviousState, timedOutState, writeProbeState } from './lib/relay/probe.ts';
import type { RelayState } from './lib/relay/state.ts';

const USAGE = `usage: relay-probe [--config FILE] [--state FILE] [--budget SECONDS] [--json]

Refreshes state.json (last_sync, last_commit, pending_packages, peer_reachability,
newly_accepted) from your relay within a total time budget (default 8 s). Always exits 0
unless the command line is wrong; a network fault is recorded in state.json's last_error.`;

const DEFAULT_BUDGET_S = 8;
/** Time kept back from the budget to write state.json and exit. */
const WRITE_RESERVE_MS = 300;

runMain(async (argv): Promise<0 | 1 | 2> => {
  const { values } = parseCommandArgs<{ config?: string; state?: string; budget?: string; json?: boolean }>(
    argv,
    { config: { type: 'string' }, state: { type: 'string' }, budget: { type: 'string' }, json: { type: 'boolean' } },
    { usage: USAGE, positionals: { min: 0, max: 0 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const budgetMs = parseBudget(values.budget);
  const started = Date.now();
  const paths = values.config ? relayPathsForConfig(values.config) : defaultRelayPaths();
  const statePath = values.state ?? (values.config ? join(dirname(values.config), 'state.json') : paths.state);
  const warnings: string[] = [];
  const previous = readPreviousState(statePath, warnings);

  let done = false;
  const finish = (state: RelayState | null): void => {
    if (done) return;
    done = true;
    killAllGitChildren();
    if (state) {
      try {
        writeProbeState(statePath, state);
      } catch (err) {
        warnings.push(`cannot write ${statePath}: ${messageOf(err)}`);
      }
    }
    for (const w of warnings) warn(w);
    if (values.json) printJson(state ? { configured: true, ...state } : { configured: false });
    else if (state) {
      printLine(`${state.pending_packages} package(s) waiting${state.newly_accepted.length ? `; newly accepted: ${state.newly_accepted.join(', ')}` : ''}${state.last_error ? ` (last error: ${state.last_error})` : ''}`);
    }
    // Sockets or children left by an abandoned call must not keep the process past its budget.
    process.stdout.write('', () => process.exit(0));
  };

  const watchdog = setTimeout(
    () => finish(timedOutState(previous, new Date(started), `the probe ran out of its ${budgetMs / 1000} s budget`)),
    Math.max(1, budgetMs - WRITE_RESERVE_MS / 2),
  );
  let state: RelayState | null;
  try {
    state = await probeRelay({ paths, statePath, deadline: started + budgetMs - WRITE_RESERVE_MS }, previous, warnings);
  } catch (err) {
    state = { ...previous, last_sync: timedOutState(previous, new Date(started), '').last_sync, newly_accepted: [], last_error: messageOf(err) };
  }
  clearTimeout(watchdog);
  finish(state);
  return 0;
});

function parseBudget(value: string | undefined): number {
  if (value === undefined) return DEFAULT_BUDGET_S * 1000;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n >= 0.5) || n > 600) {
    throw new UsageError(`--budget takes seconds between 0.5 and 600, got '${value}'\n${USAGE}`);
  }
  return Math.round(n * 1000);
}
