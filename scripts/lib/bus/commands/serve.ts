import { defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import type { AgentSpec } from '../agent.ts';
import { agentShownName, checkAgentInstalled, withProgramPath } from '../agent-check.ts';
import { agentEnvProblem } from '../agent-env.ts';
import { agentFoldersPath, serve } from '../daemon.ts';
import { endRunningAgents } from '../running-agents.ts';
import { counted } from '../../text/plural.ts';
import { MAX_DURATION_SECONDS } from '../config.ts';
import { MESSAGE_READ_LIMIT } from '../fsutil.ts';

import { displayName } from '../names.ts';
import { busRoot, nameArg, newBusNote, positiveIntArg, requireBusOrCreate, ROOT_OPTION } from './common.ts';
import { runtimesDir } from '../layout.ts';
import { inlineText } from '../../text/untrusted.ts';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isWithin } from '../../fs/within.ts';

const USAGE = `usage: dispatch serve @RECEIVER (--agent "COMMAND" | --agent echo) [--once] [--concurrency N] [--workdir DIR]
                      [--agent-env NAME]... [--turn-budget N] [--max-failures N] [--agent-timeout SECONDS]
                      [--max-bytes N] [--create] [--root DIR]

Answers the messages of @RECEIVER: each becomes a prompt on the agent command's stdin, and what the
command prints is written to runtimes/<receiver>/outbox/ in the same thread. '--agent echo' answers
with the message itself. For @claude the agent defaults to 'claude -p'. --once handles what is
waiting and exits (exit 1, code dead_letter, when every message it took went to dead-letter).
Where no runtimes/ folder is found (from the current folder up, or in --root or $HELLOWORLD_ROOT),
serve is refused (exit 1, no_bus) saying where it looked; --create starts a new bus there, and says
so on stderr. Stops cleanly
on Ctrl-C / SIGTERM after finishing the messages in hand; a second Ctrl-C stops at once, ending
the agents running (their answers are lost).

The agent runs in a private empty folder made for each message (removed after), never in the bus:
anyone who can write the bus could plant instructions there that the agent loads (CLAUDE.md,
.claude/, AGENTS.md). The folders are made in $ALIVE_HOME/dispatch-agents/, not in /tmp, where any
user can put a CLAUDE.md that agents read from the folders above theirs. --workdir DIR runs it in
DIR instead, such as your project.

The agent gets an allowlisted environment (PATH, HOME, locale, proxies...), never WALNUT_PASSPHRASE
or tokens. --agent-env NAME (repeatable; a trailing * matches a prefix of at least 3 characters, as
AWS_*) passes more. runtimes/<receiver>/config.json is in the bus, which every bus writer can edit,
so nothing there can make an agent fail after it ran: its turn_budget can only lower serve's
--turn-budget (turns answered per thread, default 8), its max_bytes can only lower serve's
--max-bytes for the messages taken into the agent's prompt (a larger one goes to dead-letter before
any agent runs; default 8 MiB, at most 64 MiB), never for the agent's answer, which --max-bytes
alone bounds; its max_consecutive_failures can only raise serve's --max-failures; its agent_env
and agent_timeout_seconds are not applied: every agent gets what --agent-env grants, no more and no
fewer, and serve's --agent-timeout (default 600 s), no more and no less. What it asks beyond them
is not applied, and serve says so on stderr.

A failing agent's message goes to dead-letter with the end of its stdout and stderr; after
--max-failures (default 5) failures in a row serve stops with exit 1. At start, claims of daemons
that died (kill -9) go back to the inbox and the agents they left running are ended. A receiver
another live daemon already serves is served by both in turn: serve says so on stderr, naming it.`;

export const serveCommand = defineCommand({
  name: 'serve',
  summary: "answer @RECEIVER's messages with an agent command (or echo)",
  usage: USAGE,
  options: {
    agent: { type: 'string' },
    once: { type: 'boolean' },
    concurrency: { type: 'string' },
    workdir: { type: 'string' },
    'agent-env': { type: 'string', multiple: true },
    'turn-budget': { type: 'string' },
    'max-failures': { type: 'string' },
    'agent-timeout': { type: 'string' },
    'max-bytes': { type: 'string' },
    create: { type: 'boolean' },
    ...ROOT_OPTION,
  },
  positionals: { names: ['@RECEIVER'], min: 1 },
  json: false,
  async run(ctx) {
    const { values, positionals } = ctx;
    const receiver = nameArg(positionals[0], 'receiver', USAGE);
    let agentText = values.agent;
    if (agentText === undefined && receiver === 'claude') agentText = 'claude -p';
    if (agentText === undefined || agentText.trim() === '') {
      return ctx.usageError(`--agent is required for ${displayName(receiver)} (a command, or 'echo')`);
    }
    const agent: AgentSpec = agentText.trim() === 'echo' ? { kind: 'echo' } : { kind: 'command', command: withProgramPath(agentText) };
    if (agent.kind === 'command') checkAgentInstalled(agent.command);
    const concurrency = positiveIntArg(values.concurrency, '--concurrency') ?? 1;
    if (concurrency > 64) ctx.usageError('--concurrency takes at most 64');
    const agentEnv = values['agent-env'] ?? [];
    const envProblem = agentEnvProblem(agentEnv, '--agent-env');
    if (envProblem) ctx.usageError(envProblem);
    const turnBudget = positiveIntArg(values['turn-budget'], '--turn-budget');
    const maxFailures = positiveIntArg(values['max-failures'], '--max-failures');
    const agentTimeoutSeconds = positiveIntArg(values['agent-timeout'], '--agent-timeout');
    if (agentTimeoutSeconds !== undefined && agentTimeoutSeconds > MAX_DURATION_SECONDS) {
      ctx.usageError(`--agent-timeout takes at most ${MAX_DURATION_SECONDS} (7 days)`);
    }
    const maxBytes = positiveIntArg(values['max-bytes'], '--max-bytes');
    if (maxBytes !== undefined && maxBytes > MESSAGE_READ_LIMIT) {
      ctx.usageError(`--max-bytes takes at most ${MESSAGE_READ_LIMIT} (64 MiB, the most the bus reads of one message)`);
    }
    const root = busRoot(values.root);
    // No bus where the root points: a new one only with --create, as send and run (a mistyped
    // --root made a new, empty bus and served it, answering nobody).
    if (values.create !== true) requireBusOrCreate(root, values.root);
    const workdir = values.workdir === undefined ? undefined : resolve(values.workdir);
    const plantable = 'inside the bus, where anyone who can write the bus can plant instructions it loads (CLAUDE.md, .claude/, AGENTS.md)';
    if (workdir !== undefined) {
      if (!existsSync(`${workdir}/`)) ctx.usageError(`--workdir ${inlineText(workdir, 300)} is not a folder`);
      if (isWithin(root, workdir)) ctx.warn(`the agent runs in ${inlineText(workdir, 300)}, ${plantable}`);
    } else if (isWithin(root, agentFoldersPath())) {
      // Agents read instruction files from every folder above their own: the private folder guards
      // nothing when ALIVE_HOME lies under the bus root (a bus made in the home folder, say).
      ctx.warn(
        `the agent runs in a private folder under ${inlineText(agentFoldersPath(), 300)}, ${plantable} in the folders above it; set ALIVE_HOME to a folder outside the bus, or pass --workdir`,
      );
    }

    // --create where no bus was: said when it is ready, as send says it (only once it made the folder).
    const busExisted = existsSync(runtimesDir(root));
    const controller = new AbortController();
    // The first Ctrl-C lets the messages in hand finish (as long as an agent runs) and says so; the
    // second ends serve at once, as the signal would (a later serve returns its claims).
    const stop = (signal: NodeJS.Signals) => {
      if (controller.signal.aborted) {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        const ended = endRunningAgents();
        const agents = ended === 0 ? '' : `ended ${counted(ended, 'running agent')} (its answer is lost); `;
        ctx.io.stderr.write(`stopped at once: ${agents}a message in hand stays claimed until a later serve returns it to the inbox\n`);
        process.kill(process.pid, signal);
        return;
      }
      ctx.io.stderr.write('stopping: finishing the messages in hand (Ctrl-C again stops at once)\n');
      controller.abort();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    try {
      const summary = await serve({
        root,
        receiver,
        agent,
        once: values.once === true,
        concurrency,
        ...(workdir !== undefined ? { workdir } : {}),
        agentEnv,
        ...(turnBudget !== undefined ? { turnBudget } : {}),
        ...(maxFailures !== undefined ? { maxFailures } : {}),
        ...(agentTimeoutSeconds !== undefined ? { agentTimeoutSeconds } : {}),
        ...(maxBytes !== undefined ? { maxBytes } : {}),
        // Serve's own words, escaped all the same; bus text only in the fenced lines after them.
        warn: (line, fenced) => {
          ctx.warn(line);
          for (const l of fenced ?? []) ctx.io.stderr.write(`${l}\n`);
        },
        signal: controller.signal,
        onReady: () => {
          const note = newBusNote(root, values.root, busExisted);
          if (note) ctx.warn(note);
          // The program's name, as daemon.json has it: the command line may carry a key (`KEY=… agent
          // --token …`), and serve's stderr often goes to a log.
          ctx.io.stderr.write(
            `serving ${displayName(receiver)} with ${agent.kind === 'echo' ? 'echo' : `'${inlineText(agentShownName(agentText))}'`} under ${root}/runtimes\n`,
          );
        },
        log: (line, fenced) => {
          ctx.print(inlineText(line, 2000));
          for (const l of fenced ?? []) ctx.print(l);
        },
      });
      ctx.io.stderr.write(
        `stopped: ${summary.answered} answered, ${summary.archivedWithoutAnswer} archived without answer, ${summary.deadLettered} dead-lettered${summary.failed > 0 ? `, ${summary.failed} failed` : ''}\n`,
      );
      if (summary.stoppedAfterFailures) return 1;
      if (values.once === true && summary.failed > 0) {
        const r = displayName(receiver);
        throw new AliveError(
          `serve could not handle ${counted(summary.failed, 'message')} (an error of serve's, not the agent's: the log above says which, and why in its fences); 'dispatch dead-letter ${r}' shows those put in dead-letter; once the cause is fixed, 'dispatch retry ${r} --all' puts them back`,
          { code: 'failed' },
        );
      }
      if (values.once === true && summary.deadLettered > 0 && summary.answered + summary.archivedWithoutAnswer === 0) {
        const r = displayName(receiver);
        throw new AliveError(
          `every message serve took went to dead-letter (${summary.deadLettered}): 'dispatch dead-letter ${r}' shows why; once the cause is fixed, 'dispatch retry ${r} --all' puts them back`,
          { code: 'dead_letter' },
        );
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
});
