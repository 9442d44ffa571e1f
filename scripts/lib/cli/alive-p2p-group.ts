import { defineGroup, lazyCommand } from './command.ts';

/**
 * Every `alive-p2p` command, as the entry routes them (scripts/alive-p2p.ts runs it; tests read
 * the command definitions from it). Each command's module (and its dependencies) loads only when
 * that command runs: `--help` stays fast. A new command is one line here
 * (test/tooling/entries.test.ts checks name and summary).
 */
export const aliveP2pGroup = defineGroup({
  name: 'alive-p2p',
  summary: 'share ALIVE walnuts peer to peer',
  commands: [
    lazyCommand('create', 'pack a walnut into a .walnut package', async () => (await import('../package/commands/create.ts')).createCommand),
    lazyCommand('info', "show a package's manifest summary", async () => (await import('../package/commands/info.ts')).infoCommand),
    lazyCommand('verify', "check a package's integrity (and signature)", async () => (await import('../package/commands/verify.ts')).verifyCommand),
    lazyCommand('extract', 'unpack a package into a new folder', async () => (await import('../package/commands/extract.ts')).extractCommand),
    lazyCommand('receive', 'import a package into a world', async () => (await import('../receive/commands/receive.ts')).receiveCommand),
    lazyCommand('keygen', 'make an RSA-4096 key pair', async () => (await import('../crypto/commands/keygen.ts')).keygenCommand),
    lazyCommand(
      'relay',
      'the Git mailbox between peers (setup, add-peer, accept, remove-peer, status, inbox, push, pull)',
      async () => (await import('../relay/cli.ts')).relayGroup,
    ),
  ],
});
