import { defineGroup, runEntry } from './lib/cli/command.ts';
import { keygenCommand } from './lib/crypto/commands/keygen.ts';
import { createCommand } from './lib/package/commands/create.ts';
import { extractCommand } from './lib/package/commands/extract.ts';
import { infoCommand } from './lib/package/commands/info.ts';
import { verifyCommand } from './lib/package/commands/verify.ts';
import { receiveCommand } from './lib/receive/commands/receive.ts';
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
      receiveCommand,
      keygenCommand,
      relayGroup,
    ],
  }),
);
