import { runMain } from './lib/cli/main.ts';
import { runSubcommand, type Subcommand } from './lib/cli/subcommands.ts';
import { runClaim } from './lib/bus/commands/claim.ts';
import { runInbox } from './lib/bus/commands/inbox.ts';
import { runReply } from './lib/bus/commands/reply.ts';
import { runRun } from './lib/bus/commands/run.ts';
import { runSend } from './lib/bus/commands/send.ts';
import { runServe } from './lib/bus/commands/serve.ts';
import { runStatus } from './lib/bus/commands/status.ts';

const USAGE = `usage: dispatch <command> [options]

The HelloWorld message bus: messages as files under <root>/runtimes/<receiver>/.

Commands:
  send     deliver a message to @RECEIVER (optionally wait for the answer)
  serve    answer @RECEIVER's messages with an agent command (or echo)
  inbox    list messages waiting for @RECEIVER, without consuming them
  claim    take the oldest message of @RECEIVER to answer it by hand
  reply    answer a claimed message
  run      evaluate a HelloWorld program; meta-receivers answer over the bus
  status   counts per receiver and daemon liveness

Every command takes --root DIR (else $HELLOWORLD_ROOT, else the nearest folder above holding
runtimes/, else the current folder). Run 'dispatch <command> --help' for its options.`;

const commands: Record<string, Subcommand> = {
  send: runSend,
  serve: runServe,
  inbox: runInbox,
  claim: runClaim,
  reply: runReply,
  run: runRun,
  status: runStatus,
};

runMain((argv) => runSubcommand(argv, USAGE, commands));
