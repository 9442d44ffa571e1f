import { defineGroup, legacyCommand, runEntry } from './lib/cli/command.ts';
import { keygenCommand } from './lib/crypto/commands/keygen.ts';
import { runCreate, runExtract, runInfo, runVerify } from './lib/package/commands.ts';
import { receiveCommand } from './lib/receive/commands/receive.ts';
import { relayGroup } from './lib/relay/cli.ts';

runEntry(
  defineGroup({
    name: 'alive-p2p',
    summary: 'share ALIVE walnuts peer to peer',
    commands: [
      legacyCommand('create', 'pack a walnut into a .walnut package', runCreate),
      legacyCommand('info', "show a package's manifest summary", runInfo),
      legacyCommand('verify', "check a package's integrity (and signature)", runVerify),
      legacyCommand('extract', 'unpack a package into a new folder', runExtract),
      receiveCommand,
      keygenCommand,
      relayGroup,
    ],
  }),
);
