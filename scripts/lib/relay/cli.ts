import { printLine } from '../cli/main.ts';
import { UsageError } from '../errors.ts';
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

const subcommands: Record<string, (argv: string[]) => Promise<0 | 1 | 2>> = {
  setup: runSetup,
  'add-peer': runAddPeer,
  accept: runAccept,
  status: runStatus,
  push: runPush,
  pull: runPull,
};

/** `alive-p2p relay ...` */
export async function runRelay(argv: string[]): Promise<0 | 1 | 2> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printLine(USAGE);
    return name === undefined ? 2 : 0;
  }
  const sub = subcommands[name];
  if (!sub) throw new UsageError(`unknown relay subcommand '${name}'\n${USAGE}`);
  return sub(rest);
}
