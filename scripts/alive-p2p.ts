import { defineGroup, legacyCommand, runEntry } from './lib/cli/command.ts';
import { keygenCommand } from './lib/crypto/commands/keygen.ts';
import { createCommand } from './lib/package/commands/create.ts';
import { extractCommand } from './lib/package/commands/extract.ts';
import { infoCommand } from './lib/package/commands/info.ts';
import { verifyCommand } from './lib/package/commands/verify.ts';
import { runReceive } from './lib/receive/command.ts';
import { relayGroup } from './lib/relay/cli.ts';

runEntry(
  defineGroup({
    name: 'alive-p2p',
    summary: 'share ALIVE walnuts peer to peer',
    commands: [
      createCommand,
      infoCommand,
      verifyCommand,
      extractCommand,
      legacyCommand('receive', 'import a package into a world', runReceive),
      keygenCommand,
      relayGroup,
    ],
  }),
);
