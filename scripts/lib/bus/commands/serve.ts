import { printLine } from '../../cli/main.ts';
import { parseCommandArgs, parsePositiveInt } from '../../cli/args.ts';
import { UsageError } from '../../errors.ts';
import type { AgentSpec } from '../agent.ts';
import { checkAgentInstalled } from '../agent-check.ts';
import { serve } from '../daemon.ts';

import { displayName } from '../names.ts';
import { busRoot, nameArg, ROOT_OPTION } from './common.ts';
import { terminalText } from '../../text/untrusted.ts';

const USAGE = `usage: dispatch serve @RECEIVER (--agent "COMMAND" | --agent echo) [--once] [--concurrency N] [--root DIR]

Answers the messages of @RECEIVER: each becomes a prompt on the agent command's stdin, and what the
command prints is written to runtimes/<receiver>/outbox/ in the same thread. '--agent echo' answers
with the message itself. For @claude the agent defaults to 'claude -p'. --once handles what is
waiting and exits. Stops cleanly on Ctrl-C / SIGTERM after finishing the messages in hand.`;

export async function runServe(argv: string[]): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ agent?: string; once?: boolean; concurrency?: string; root?: string }>(
    argv,
    { agent: { type: 'string' }, once: { type: 'boolean' }, concurrency: { type: 'string' }, ...ROOT_OPTION },
    { usage: USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const receiver = nameArg(positionals[0], 'receiver', USAGE);
  let agentText = values.agent;
  if (agentText === undefined && receiver === 'claude') agentText = 'claude -p';
  if (agentText === undefined || agentText.trim() === '') {
    throw new UsageError(`--agent is required for ${displayName(receiver)} (a command, or 'echo')\n${USAGE}`);
  }
  const agent: AgentSpec = agentText.trim() === 'echo' ? { kind: 'echo' } : { kind: 'command', command: agentText };
  if (agent.kind === 'command') checkAgentInstalled(agent.command);
  const concurrency = parsePositiveInt(values.concurrency, '--concurrency') ?? 1;
  if (concurrency > 64) throw new UsageError('--concurrency takes at most 64');
  const root = busRoot(values.root);

  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stderr.write(`serving ${displayName(receiver)} with ${agent.kind === 'echo' ? 'echo' : `'${agentText}'`} under ${root}/runtimes\n`);
  try {
    const summary = await serve({
      root,
      receiver,
      agent,
      once: values.once === true,
      concurrency,
      signal: controller.signal,
      log: (line) => printLine(terminalText(line)), // lines quote header values of untrusted files
    });
    process.stderr.write(
      `stopped: ${summary.answered} answered, ${summary.archivedWithoutAnswer} archived without answer, ${summary.deadLettered} dead-lettered\n`,
    );
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}
