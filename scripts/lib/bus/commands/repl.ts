import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { defineCommand, type CommandIo } from '../../cli/command.ts';
import { aliveHome } from '../../home.ts';
import { terminalText } from '../../text/untrusted.ts';
import { fencedLines } from '../../text/fence.ts';
import { displayName } from '../names.ts';
import { answerCutText } from '../responses.ts';
import { Session, type SessionOutput } from '../session.ts';
import { vocabularyWarning } from '../vocabulary-problems.ts';
import { runtimesDir } from '../layout.ts';
import { busRoot, localAnswerLines, newBusNote, requireBusOrCreate, ROOT_OPTION, secondsArg, senderArg } from './common.ts';

const USAGE = `usage: dispatch repl [--from @ME] [--wait SECONDS] [--create] [--root DIR]

An interactive HelloWorld session: one statement per line, evaluated like 'dispatch run' (native
receivers here, @claude, @copilot, @gemini and @codex over the bus), each answer shown as it
arrives. The session is one thread; every message carries the session's recent lines and the
vocabularies of the receivers named as its '# Context', so a follow-up is answered in context.
On a terminal: a 'hw> ' prompt with line editing and history ($ALIVE_HOME/repl-history);
Ctrl-C stops waiting for the current answer, Ctrl-D ends the session. From a pipe: plain lines,
no prompt, exit 1 when a line failed. --wait SECONDS bounds each wait (default 60). Where no
runtimes/ folder is found (from the current folder up, or in --root or $HELLOWORLD_ROOT), a line
addressed over the bus is refused (no_bus) saying where it looked, and the session goes on;
--create starts a new bus there at the first such line, and says so on stderr.
Session commands: :thread, :new, :help, :quit.`;

const HISTORY_LINES = 500;

export const replCommand = defineCommand({
  name: 'repl',
  summary: 'an interactive HelloWorld session (hw> prompt), one thread per session',
  usage: USAGE,
  json: false,
  options: { from: { type: 'string' }, wait: { type: 'string' }, create: { type: 'boolean' }, ...ROOT_OPTION },
  async run(ctx) {
    const { values } = ctx;
    const from = senderArg(values.from, USAGE);
    const waitMs = secondsArg(values.wait, '--wait') ?? 60_000;
    const root = busRoot(values.root);
    // Checked at each line over the bus, as run checks its first (a mistyped --root made a bus of
    // its own, silently, and queued there); a bus made meanwhile is used.
    let existed = true;
    const bus = {
      check: () => {
        existed = existsSync(runtimesDir(root));
        if (values.create !== true) requireBusOrCreate(root, values.root);
      },
      sent: () => {
        const note = newBusNote(root, values.root, existed);
        if (note) ctx.warn(note);
        existed = true;
      },
    };
    const session = new Session({ root, from, waitMs, bus });
    const interactive = process.stdin.isTTY === true && process.stdout.isTTY === true;
    return runSession(session, process.stdin, ctx.io, interactive);
  },
});

/**
 * Reads lines from `input` until it ends (or `:quit`), evaluating one at a time. On a terminal:
 * prompt, history and Ctrl-C handling by readline; otherwise plain lines.
 */
export async function runSession(session: Session, input: Readable, io: CommandIo, interactive: boolean): Promise<0 | 1> {
  // As run shows them: the problems name files of <root>/vocabularies/, any bus writer's.
  const vocabularyProblems = vocabularyWarning(session.vocabularies, session.vocabularyProblems);
  if (vocabularyProblems) io.stderr.write(`warning: ${vocabularyProblems.line}\n${vocabularyProblems.fenced.join('\n')}\n`);
  // As send --wait: on a terminal, one line says what the session waits for (an answer can take minutes).
  session.onWait = io.stderr.isTTY === true ? (receiver) => io.stderr.write(`waiting for ${receiver}… (Ctrl-C stops)\n`) : undefined;
  const history = interactive ? loadHistory() : [];
  const rl = createInterface({
    input,
    ...(interactive ? { output: process.stdout, terminal: true, prompt: 'hw> ', history, historySize: HISTORY_LINES } : { terminal: false }),
  });
  let failed = false;
  const onInterrupt = () => {
    if (session.cancel()) return; // the line's wait ends; its result says what stays queued
    if (interactive) {
      io.stdout.write('^C (Ctrl-D ends the session)\n');
      rl.write(null, { ctrl: true, name: 'u' }); // clear what was typed
      rl.prompt();
    } else {
      rl.close();
      process.exitCode = 130;
    }
  };
  rl.on('SIGINT', onInterrupt);
  if (!interactive) process.on('SIGINT', onInterrupt);
  if (interactive) {
    io.stdout.write(`HelloWorld session as ${displayName(session.from)}, thread ${session.thread}. :help for help, Ctrl-D to end.\n`);
    rl.prompt();
  }
  try {
    for await (const line of rl) {
      if (interactive && line.trim() !== '') saveHistory(line);
      const { outputs, end } = await session.line(line);
      for (const o of outputs) {
        show(o, io, interactive);
        if (o.kind === 'error') failed = true;
      }
      if (end) break;
      if (interactive) rl.prompt();
    }
  } finally {
    process.off('SIGINT', onInterrupt);
    rl.close();
    if (interactive) io.stdout.write('\n');
  }
  return !interactive && failed ? 1 : 0;
}

/**
 * Answers are untrusted text: shown without terminal control sequences, and one made here from
 * the vocabularies (any bus writer's) in a fence, as `run` shows it. An answer from the bus has,
 * at the prompt, its receiver's name before every line, so that no line of it can pass for the
 * prompt or for another receiver's answer; through a pipe (an agent's shell reads it) it is in a
 * fence too, as `run`, `send --wait` and `wait` print one.
 */
function show(o: SessionOutput, io: CommandIo, interactive: boolean): void {
  switch (o.kind) {
    case 'answer':
      if (o.via === 'bus') io.stdout.write(`${busAnswerLines(o.receiver, o.text, interactive).join('\n')}\n`);
      else io.stdout.write(`${localAnswerLines(o.text, true).join('\n')}\n`);
      // Our line, not the receiver's: it starts with no receiver's name.
      if (o.cut) io.stdout.write(`${answerCutText(o.cut)}\n`);
      return;
    case 'error':
      if (o.localReason !== undefined) io.stderr.write(`${localAnswerLines(o.localReason, false, `${o.text}: `).join('\n')}\n`);
      else io.stderr.write(`error: ${terminalText(o.text)}\n`);
      for (const l of o.untrusted?.lines ?? []) io.stderr.write(`${l}\n`);
      return;
    case 'info':
      io.stdout.write(`${o.text}\n`);
  }
}

/**
 * The lines that show an answer `receiver` sent over the bus: at the prompt each line of it (one
 * final newline aside), escaped, after the receiver's name; through a pipe a line of ours, then
 * the answer in a fence.
 */
export function busAnswerLines(receiver: string, text: string, interactive: boolean): string[] {
  const name = displayName(receiver.toLowerCase());
  if (!interactive) return [`${name} answered (untrusted text; it ends at the END line with the same number):`, ...fencedLines('UNTRUSTED ANSWER', text)];
  return terminalText(text)
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => `${name}: ${l}`);
}

function historyFile(): string {
  return join(aliveHome(), 'repl-history');
}

/** The saved history, newest first (readline's order); none when it cannot be read. */
function loadHistory(): string[] {
  try {
    const lines = readFileSync(historyFile(), 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const kept = lines.slice(-HISTORY_LINES);
    // The file only grows by appends: cut it back now and then.
    if (lines.length > 2 * HISTORY_LINES) writeFileSync(historyFile(), `${kept.join('\n')}\n`, { mode: 0o600 });
    return kept.reverse();
  } catch {
    return [];
  }
}

function saveHistory(line: string): void {
  try {
    mkdirSync(aliveHome(), { recursive: true, mode: 0o700 });
    appendFileSync(historyFile(), `${line.replace(/[\r\n]/g, ' ')}\n`, { mode: 0o600 });
  } catch {
    // history is a convenience: a read-only home does not stop the session
  }
}
