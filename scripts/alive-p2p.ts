import { runMain, printLine } from './lib/cli/main.ts';
import { UsageError } from './lib/errors.ts';
import { runCreate, runInfo, runVerify, runExtract } from './lib/package/commands.ts';
import { runKeygen } from './lib/crypto/keygen-command.ts';

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

type Command = (argv: string[]) => Promise<0 | 1 | 2 | void> | 0 | 1 | 2 | void;
const commands: Record<string, Command> = {
  create: runCreate,
  info: runInfo,
  verify: runVerify,
  extract: runExtract,
  keygen: runKeygen,
};

runMain(async (argv) => {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    printLine(USAGE);
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command '${name}'\n${USAGE}`);
  return command(rest);
});
