import { defineGroup, lazyCommand } from '../../cli/command.ts';
import { statusCommand } from './status.ts';

/**
 * Every dispatch command, as the entry routes them (tests run it in-process with runCaptured). Each
 * command's module loads only when it runs, so `--help` never loads the MCP SDK. `status` is the
 * exception: it is part of the entry bundle, since loading a second file costs it a third of its
 * start-up (bench/startup.ts). A command bundle carries its own copy of the code it shares
 * (tools/build-options.mjs): `thread` and `inbox` are loaded with `show` and `retry` with
 * `dead-letter`, one bundle each, for dist/ to stay within 2 MB.
 */
export const dispatchGroup = defineGroup({
  name: 'dispatch',
  summary: 'the HelloWorld message bus',
  intro: 'The HelloWorld message bus: messages as files under <root>/runtimes/<receiver>/.',
  outro: `Every command takes --root DIR (else $HELLOWORLD_ROOT, else the nearest folder above holding
runtimes/, else the current folder). Run 'dispatch <command> --help' for its options.`,
  commands: [
    lazyCommand('send', 'deliver a message to @RECEIVER (optionally wait for the answer)', async () => (await import('./send.ts')).sendCommand),
    lazyCommand('wait', 'wait for the answer to a message sent earlier', async () => (await import('./wait.ts')).waitCommand),
    lazyCommand('show', 'one message or answer by id, wherever it is, with its state', async () => (await import('./show.ts')).showCommand),
    lazyCommand('thread', 'every message and answer of a thread, in order', async () => (await import('./show.ts')).threadCommand),
    lazyCommand('inbox', 'list messages waiting for @RECEIVER, without consuming them', async () => (await import('./show.ts')).inboxCommand),
    lazyCommand(
      'claim',
      'take a message of @RECEIVER (the oldest, or a chosen one) to answer it by hand',
      async () => (await import('./claim.ts')).claimCommand,
    ),
    lazyCommand('reply', 'answer a claimed message', async () => (await import('./reply.ts')).replyCommand),
    lazyCommand('dead-letter', 'what was dead-lettered for @RECEIVER, and why', async () => (await import('./dead-letter.ts')).deadLetterCommand),
    lazyCommand('retry', 'put a dead letter back into its inbox', async () => (await import('./dead-letter.ts')).retryCommand),
    lazyCommand('serve', "answer @RECEIVER's messages with an agent command (or echo)", async () => (await import('./long-running.ts')).serveCommand),
    lazyCommand('run', 'evaluate a HelloWorld program; meta-receivers answer over the bus', async () => (await import('./long-running.ts')).runCommand),
    lazyCommand('repl', 'an interactive HelloWorld session (hw> prompt), one thread per session', async () => (await import('./long-running.ts')).replCommand),
    lazyCommand(
      'mcp',
      'serve the bus to an MCP client over stdio (tools send, wait, inbox, claim, reply, dead_letters, retry, thread, show, status)',
      async () => (await import('./mcp.ts')).mcpCommand,
    ),
    statusCommand,
  ],
});
