import { defineGroup, lazyCommand, legacyCommand, runEntry, type RunResult } from './lib/cli/command.ts';

// Each command's module loads only when it runs (lazyCommand): `--help` stays fast.
const legacy = (name: string, summary: string, load: () => Promise<(argv: string[]) => Promise<RunResult> | RunResult>) =>
  lazyCommand(name, summary, async () => legacyCommand(name, summary, await load()));

runEntry(
  defineGroup({
    name: 'alive-p2p',
    summary: 'share ALIVE walnuts peer to peer',
    commands: [
      legacy('create', 'pack a walnut into a .walnut package', async () => (await import('./lib/package/commands.ts')).runCreate),
      legacy('info', "show a package's manifest summary", async () => (await import('./lib/package/commands.ts')).runInfo),
      legacy('verify', "check a package's integrity (and signature)", async () => (await import('./lib/package/commands.ts')).runVerify),
      legacy('extract', 'unpack a package into a new folder', async () => (await import('./lib/package/commands.ts')).runExtract),
      legacy('receive', 'import a package into a world', async () => (await import('./lib/receive/command.ts')).runReceive),
      lazyCommand('keygen', 'make an RSA-4096 key pair', async () => (await import('./lib/crypto/commands/keygen.ts')).keygenCommand),
      lazyCommand('relay', 'the Git mailbox between peers (setup, add-peer, accept, status, push, pull)', async () => (await import('./lib/relay/cli.ts')).relayGroup),
    ],
  }),
);
