import { runMain } from './lib/cli/main.ts';
import { runSubcommand, type Subcommand } from './lib/cli/subcommands.ts';
import { runCreate, runInfo, runVerify, runExtract } from './lib/package/commands.ts';
import { runReceive } from './lib/receive/command.ts';
import { runKeygen } from './lib/crypto/keygen-command.ts';
import { runRelay } from './lib/relay/cli.ts';

const USAGE = `usage: alive-p2p <command> [options]

Commands:
  create    pack a walnut into a .walnut package
  info      show a package's manifest summary
  verify    check a package's integrity (and signature)
  extract   unpack a package into a new folder
  receive   import a package into a world
  keygen    make an RSA-4096 key pair
  relay     the Git mailbox between peers (setup, add-peer, accept, status, push, pull)

Run 'alive-p2p <command> --help' for a command's options.`;

const commands: Record<string, Subcommand> = {
  create: runCreate,
  info: runInfo,
  verify: runVerify,
  extract: runExtract,
  receive: runReceive,
  keygen: runKeygen,
  relay: runRelay,
};

runMain((argv) => runSubcommand(argv, USAGE, commands));
