/** `relay-probe`: refresh state.json within a time budget; exits 0 whatever the network does. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { defaultRelayPaths, relayPathsForConfig } from '../paths.ts';
import { probeWithinBudget } from '../probe.ts';
import { ownKeyProblem } from '../key-checks.ts';
import { readRelayConfig } from '../config.ts';
import { inlineText } from '../../text/untrusted.ts';
import { counted } from '../../text/plural.ts';
import { readPinnedPeers } from '../../hook/relay-state.ts';

const DEFAULT_BUDGET_S = 8;

export const relayProbeCommand = defineCommand({
  name: 'relay-probe',
  summary: "refresh the relay's state.json within a time budget",
  usage: `usage: relay-probe [--config FILE] [--state FILE] [--budget SECONDS] [--json]

Refreshes state.json (last_sync, last_commit, pending_packages, peer_reachability,
newly_accepted, own_key, peer_key_changes) from your relay within a total time budget
(default 8 s). Always exits 0 unless the command line is wrong; a network fault is recorded in
state.json's last_error.

Options:
  --config FILE     relay.json (default $ALIVE_HOME/relay/relay.json)
  --state FILE      state.json to write (default: beside relay.json)
  --budget SECONDS  total time, 0.5 to 600 (default 8)
  --json            print the state written as one JSON object (folders that are not a
                    pinned peer's under untrusted.senders, not pending_by_sender)
  -h, --help        show this help`,
  options: { config: { type: 'string' }, state: { type: 'string' }, budget: { type: 'string' } },
  async run(ctx) {
    const budgetMs = parseBudget(ctx.values.budget, ctx.usageError);
    const config = ctx.values.config;
    const paths = config ? relayPathsForConfig(config) : defaultRelayPaths();
    const statePath = ctx.values.state ?? (config ? join(dirname(config), 'state.json') : paths.state);
    // A file named that is not there is a mistake to say (a typo), not "no relay set up".
    if (config !== undefined && !existsSync(config)) {
      ctx.warn(`${inlineText(config)} does not exist (--config): nothing was probed; check the path (without --config: $ALIVE_HOME/relay/relay.json)`);
      if (ctx.json) ctx.printJson({ configured: false, config_missing: true });
      return;
    }
    let state;
    let warnings: string[];
    try {
      ({ state, warnings } = await probeWithinBudget({ paths, statePath, budgetMs }));
    } catch (err) {
      // A runtime fault never fails the probe: the hook that runs it must stay silent.
      ctx.warn(err instanceof Error ? err.message : String(err));
      if (ctx.json) ctx.printJson({ configured: false });
      return;
    }
    for (const w of warnings) ctx.warn(w);
    if (ctx.json) {
      ctx.printJson(state ? { configured: true, ...state, ...sendersApart(state.pending_by_sender, readPinnedPeers(paths.config)) } : { configured: false });
      return;
    }
    if (!state) return;
    const changed = Object.keys(state.peer_key_changes ?? {});
    ctx.print(
      `${counted(state.pending_packages, 'package')} waiting` +
        (state.newly_accepted.length ? `; newly accepted: ${state.newly_accepted.join(', ')}` : '') +
        (changed.length ? `; key changed on the relay of: ${changed.map((l) => inlineText(l, 64)).join(', ')}` : '') +
        (state.last_error ? ` (last error: ${inlineText(state.last_error, 500)})` : ''),
    );
    let login = '';
    try {
      login = readRelayConfig(paths.config)?.github_username ?? '';
    } catch {
      login = '';
    }
    const own = ownKeyProblem(state.own_key, login || 'LOGIN');
    if (own) ctx.io.stderr.write(`${own}\n`);
  },
});

/**
 * What waits by folder, the pinned peers' apart from the rest: a folder under inbox/ is named by
 * whoever can write the relay, so those are data only, under `untrusted.senders` (as status gives them).
 */
function sendersApart(counts: Record<string, number> | undefined, pinned: ReadonlyMap<string, string>) {
  if (counts === undefined) return {};
  const peers: Record<string, number> = {};
  const others: Record<string, number> = {};
  for (const [folder, n] of Object.entries(counts)) (pinned.has(folder.toLowerCase()) ? peers : others)[folder] = n;
  return { pending_by_sender: peers, untrusted: { senders: others } };
}

function parseBudget(value: string | undefined, usageError: (m: string) => never): number {
  if (value === undefined) return DEFAULT_BUDGET_S * 1000;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n >= 0.5) || n > 600) return usageError(`--budget takes seconds between 0.5 and 600, got '${value}'`);
  return Math.round(n * 1000);
}
