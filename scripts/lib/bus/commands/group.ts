import { claimCommand } from './claim.ts';
import { deadLetterCommand } from './dead-letter.ts';
import { inboxCommand } from './inbox.ts';
import { mcpCommand } from './mcp.ts';
import { replCommand } from './repl.ts';
import { replyCommand } from './reply.ts';
import { retryCommand } from './retry.ts';
import { runCommand } from './run.ts';
import { sendCommand } from './send.ts';
import { serveCommand } from './serve.ts';
import { showCommand } from './show.ts';
import { statusCommand } from './status.ts';
import { threadCommand } from './thread.ts';
import { waitCommand } from './wait.ts';
import { defineGroup } from '../../cli/command.ts';

/** Every dispatch command, as the entry routes them (tests run it in-process with runCaptured). */
export const dispatchGroup = defineGroup({
  name: 'dispatch',
  summary: 'the HelloWorld message bus',
  intro: 'The HelloWorld message bus: messages as files under <root>/runtimes/<receiver>/.',
  outro: `Every command takes --root DIR (else $HELLOWORLD_ROOT, else the nearest folder above holding
runtimes/, else the current folder). Run 'dispatch <command> --help' for its options.`,
  commands: [
    sendCommand,
    waitCommand,
    showCommand,
    threadCommand,
    inboxCommand,
    claimCommand,
    replyCommand,
    deadLetterCommand,
    retryCommand,
    serveCommand,
    runCommand,
    replCommand,
    mcpCommand,
    statusCommand,
  ],
});
