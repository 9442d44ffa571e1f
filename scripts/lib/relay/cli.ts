import type { CommandResult } from '../cli/main.ts';
import { runSubcommand, type Subcommand } from '../cli/subcommands.ts';
import { runAccept, runAddPeer } from './commands/peers.ts';
import { runPull } from './commands/pull.ts';
import { runPush } from './commands/push.ts';
import { runSetup } from './commands/setup.ts';
import { runStatus } from './commands/status.ts';

const USAGE = `usage: alive-p2p relay <subcommand> [options]

Subcommands:
  setup      create your relay and publish your key
  add-peer   add (and on GitHub invite) a peer
  accept     trust a peer's relay and pin their key
  status     show relay, keys, peers and the last probe
  push       deliver a package into a peer's relay
  pull       download the packages waiting in your relay

Run 'alive-p2p relay <subcommand> --help' for its options.`;

const subcommands: Record<string, Subcommand> = {
  setup: runSetup,
  'add-peer': runAddPeer,
  accept: runAccept,
  status: runStatus,
  push: runPush,
  pull: runPull,
};

/** `alive-p2p relay ...` */
export async function runRelay(argv: string[]): Promise<CommandResult> {
  return runSubcommand(argv, USAGE, subcommands);
}
