import { defineGroup, lazyCommand, legacyCommand, runEntry, type RunResult } from './lib/cli/command.ts';

// Each command's module loads only when it runs (lazyCommand): `--help` and `status` stay fast.
const legacy = (name: string, summary: string, load: () => Promise<(argv: string[]) => Promise<RunResult> | RunResult>) =>
  lazyCommand(name, summary, async () => legacyCommand(name, summary, await load()));

runEntry(
  defineGroup({
    name: 'dispatch',
    summary: 'the HelloWorld message bus',
    intro: 'The HelloWorld message bus: messages as files under <root>/runtimes/<receiver>/.',
    outro: `Every command takes --root DIR (else $HELLOWORLD_ROOT, else the nearest folder above holding
runtimes/, else the current folder). Run 'dispatch <command> --help' for its options.`,
    commands: [
      lazyCommand('send', 'deliver a message to @RECEIVER (optionally wait for the answer)', async () => (await import('./lib/bus/commands/send.ts')).sendCommand),
      legacy('serve', "answer @RECEIVER's messages with an agent command (or echo)", async () => (await import('./lib/bus/commands/serve.ts')).runServe),
      legacy('inbox', 'list messages waiting for @RECEIVER, without consuming them', async () => (await import('./lib/bus/commands/inbox.ts')).runInbox),
      legacy('claim', 'take the oldest message of @RECEIVER to answer it by hand', async () => (await import('./lib/bus/commands/claim.ts')).runClaim),
      legacy('reply', 'answer a claimed message', async () => (await import('./lib/bus/commands/reply.ts')).runReply),
      legacy('run', 'evaluate a HelloWorld program; meta-receivers answer over the bus', async () => (await import('./lib/bus/commands/run.ts')).runRun),
      legacy('status', 'counts per receiver and daemon liveness', async () => (await import('./lib/bus/commands/status.ts')).runStatus),
    ],
  }),
);
