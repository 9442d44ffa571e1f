import { runClaim } from './lib/bus/commands/claim.ts';
import { runInbox } from './lib/bus/commands/inbox.ts';
import { runReply } from './lib/bus/commands/reply.ts';
import { mcpCommand } from './lib/bus/commands/mcp.ts';
import { replCommand } from './lib/bus/commands/repl.ts';
import { runRun } from './lib/bus/commands/run.ts';
import { sendCommand } from './lib/bus/commands/send.ts';
import { runServe } from './lib/bus/commands/serve.ts';
import { runStatus } from './lib/bus/commands/status.ts';
import { defineGroup, legacyCommand, runEntry } from './lib/cli/command.ts';

runEntry(
  defineGroup({
    name: 'dispatch',
    summary: 'the HelloWorld message bus',
    intro: 'The HelloWorld message bus: messages as files under <root>/runtimes/<receiver>/.',
    outro: `Every command takes --root DIR (else $HELLOWORLD_ROOT, else the nearest folder above holding
runtimes/, else the current folder). Run 'dispatch <command> --help' for its options.`,
    commands: [
      sendCommand,
      legacyCommand('serve', "answer @RECEIVER's messages with an agent command (or echo)", runServe),
      legacyCommand('inbox', 'list messages waiting for @RECEIVER, without consuming them', runInbox),
      legacyCommand('claim', 'take the oldest message of @RECEIVER to answer it by hand', runClaim),
      legacyCommand('reply', 'answer a claimed message', runReply),
      legacyCommand('run', 'evaluate a HelloWorld program; meta-receivers answer over the bus', runRun),
      replCommand,
      mcpCommand,
      legacyCommand('status', 'counts per receiver and daemon liveness', runStatus),
    ],
  }),
);
