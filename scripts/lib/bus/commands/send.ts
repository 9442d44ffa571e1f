import { existsSync } from 'node:fs';
import { findUnlistedJson, unlistedField, waitUnlistedSuffix, withFindUnlisted } from '../list-bound.ts';
import { type CommandIo, defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { sendMessage, tooLarge, validateThread } from '../deliver.ts';
import { threadForSend, turnBudgetWarning } from '../send-thread.ts';
import { toItselfNote, unservedNote } from '../serving.ts';
import { checkReceiverKnown } from '../receivers.ts';
import { receiverPaths, runtimesDir } from '../layout.ts';
import { loadReceiverConfig } from '../config.ts';
import { findMessage } from '../query.ts';

import { displayName } from '../names.ts';
import { isWordlessId } from '../ids.ts';
import { idField, pathField, threadField } from '../json-fields.ts';
import { NOT_UTF8_PROBLEM } from '../message.ts';
import { answerTooLargeError, answerPlaceNames, closedText, waitForResponse } from '../responses.ts';
import {
  bodyLines,
  busRoot,
  catchInterrupt,
  nameArg,
  newBusNote,
  quoteHint,
  unansweredText,
  reasonLines,
  requireBusOrCreate,
  ROOT_OPTION,
  secondsArg,
  senderArg,
  shownCutNote,
  textArg,
  passingOverRun,
  turnBudgetAdvice,
} from './common.ts';
import { shownMessage } from '../shown-body.ts';

const USAGE = `usage: dispatch send @RECEIVER "MESSAGE" [--from @ME] [--thread ID] [--context TEXT] [--wait SECONDS] [--create] [--json] [--root DIR]

Delivers MESSAGE ('-' reads it from stdin) to runtimes/<receiver>/inbox/. A MESSAGE that starts with
'-' (a Markdown list, -5 degrees) goes last, after '--' (dispatch send @gemini --wait 60 -- '- check
the tests'), or on stdin. With --wait, waits up to
SECONDS for the answer in the receiver's outbox and prints it (between two marker lines: it is
the receiver's untrusted text; at most 512 KiB of it, then a line saying how many bytes were left
out and that 'dispatch show ID --full' prints it whole); no answer in time is exit 1, and
'dispatch wait <id>' picks it up later. An empty MESSAGE is refused. A receiver that has no
runtimes/<receiver>/ folder yet and is not @claude, @copilot, @gemini, @codex or @helloworld is
refused as a likely typo ('did you mean @gemini?', or a folder name like it, fenced): --create
sends to it anyway. Where no runtimes/ folder is found (from the current folder up, or in --root or
$HELLOWORLD_ROOT), send is refused (exit 1, no_bus) saying where it looked; --create starts a new
bus there, and says so on stderr. Without --wait, a receiver no
live daemon serves is named on stderr: the message waits until 'dispatch serve' runs or someone answers.
The sender defaults to $HELLOWORLD_AS (unless empty), else @human. Inside an agent started by 'dispatch serve',
the thread and turn continue the message being answered. --thread continues a thread: the message is
the next turn of @RECEIVER in it; a unique start of a thread id (8 hex digits or more) is that thread
(said on stderr); one that names no thread but starts a message id is sent in a new thread, with a
warning.`;

/**
 * Our line for a message sent. Its thread is named when its id cannot spell words (isWordlessId, as
 * --json's threadField names it) or the user typed it; one continued from HELLOWORLD_THREAD is a
 * header of the message an agent answers: not quoted.
 */
function sentLine(sent: { id: string; to: string; thread: string }, typed: string | undefined): string {
  const thread = isWordlessId(sent.thread) || sent.thread === typed ? `thread ${sent.thread}` : 'in the thread of the message being answered';
  return `sent msg-${sent.id} to ${displayName(sent.to)} (${thread})`;
}

/**
 * The message: the argument, or with '-' stdin, read no further than the receiver's max_bytes (a
 * body over it is refused as the send would refuse it, without reading the rest).
 */
async function messageText(raw: string, root: string, to: string, io: CommandIo): Promise<string> {
  if (raw !== '-') return raw;
  const paths = receiverPaths(root, to);
  const config = await loadReceiverConfig(paths);
  try {
    return textArg(raw, 'message', io, config.maxBytes);
  } catch (err) {
    if (err instanceof AliveError && err.code === 'too_large') throw tooLarge(to, config, paths.config);
    throw err;
  }
}

export const sendCommand = defineCommand({
  name: 'send',
  summary: 'deliver a message to @RECEIVER (optionally wait for the answer)',
  usage: USAGE,
  options: {
    from: { type: 'string' },
    thread: { type: 'string' },
    context: { type: 'string' },
    wait: { type: 'string' },
    create: { type: 'boolean' },
    ...ROOT_OPTION,
  },
  positionals: { names: ['@RECEIVER', 'MESSAGE'], min: 2, tooMany: (args) => quoteHint('send', args) },
  run: passingOverRun(async (ctx) => {
    const { values, positionals } = ctx;
    const to = nameArg(positionals[0], 'receiver', USAGE);
    const from = senderArg(values.from, USAGE);
    const waitMs = secondsArg(values.wait, '--wait');
    if (values.thread !== undefined) validateThread(values.thread);
    const root = busRoot(values.root);
    // Before stdin is read: a mistyped root, receiver or thread is named before the message is typed.
    // No bus where the root points: a new one only with --create (a mistyped --root made one, exit 0).
    if (values.create !== true) requireBusOrCreate(root, values.root);
    checkReceiverKnown(root, to, values.create === true);
    const { thread, turn, note: threadNote, warning: threadWarning } = threadForSend(root, to, values.thread);
    if (threadNote) ctx.io.stderr.write(`${threadNote}\n`);
    if (threadWarning) ctx.warn(threadWarning);
    if (values.thread !== undefined && thread !== undefined) {
      const over = await turnBudgetWarning(root, to, thread, turn, 'cli');
      if (over) ctx.warn(over);
    }
    const body = await messageText(positionals[1]!, root, to, ctx.io);
    const busExisted = existsSync(runtimesDir(root));

    // With --wait, Ctrl-C / SIGTERM end the wait cleanly from before the message is sent: one that
    // lands between the send and the start of the wait must not kill the process either.
    const interrupt = waitMs === undefined ? undefined : catchInterrupt();
    try {
      const namesBefore = waitMs === undefined ? undefined : answerPlaceNames(root, to);
      const sent = await sendMessage({
        root,
        to,
        from,
        body,
        ...(values.context !== undefined ? { context: values.context } : {}),
        ...(thread !== undefined ? { thread } : {}),
        turn,
      });
      const result = {
        ok: true,
        id: sent.id,
        file: sent.path,
        to: displayName(sent.to),
        from: displayName(sent.from),
        // A thread named with --thread is any words of the shape (review-42), as a header is: ours only when wordless, as sentLine names it.
        ...threadField(sent.thread),
        turn: sent.turn,
      };
      const note = newBusNote(root, values.root, busExisted);
      if (note) ctx.warn(note);
      // Said before a wait too: a wait on a receiver nothing serves runs to its end for a hand-written answer.
      const unserved = sent.from === sent.to ? toItselfNote(displayName(sent.to)) : unservedNote(root, sent.to, displayName(sent.to));
      if (unserved) ctx.io.stderr.write(`${unserved}\n`);
      if (waitMs === undefined) {
        if (ctx.json) ctx.printJson(result);
        else ctx.print(sentLine(sent, values.thread));
        return;
      }

      // What was sent, and its thread for a follow-up (stdout holds only the answer); on a terminal
      // also how to stop, while nothing else shows (the wait may take minutes).
      if (!ctx.json) {
        const stop = ctx.io.stderr.isTTY === true ? ' (Ctrl-C stops waiting; the message stays queued)' : '';
        ctx.io.stderr.write(`${sentLine(sent, values.thread)}; waiting up to ${waitMs / 1000} s for the answer${stop}\n`);
      }
      const waited = await waitForResponse(root, sent.to, sent.id, waitMs, interrupt!.signal, namesBefore ? { namesBefore } : {});
      if (waited.ok) {
        const r = waited.value;
        if (ctx.json) {
          ctx.printJson({
            ...result,
            // The answer's headers and text are the receiver's: under untrusted, as wait and show give them.
            response: {
              // The answer's file name is the responder's choice: ours only when the bus made it.
              ...idField('id', r.id),
              ...pathField('file', r.path, isWordlessId(r.id)),
              untrusted: { from: r.message.from ?? null, thread: r.message.thread ?? null, body: r.message.body, context: r.message.context ?? null },
            },
            timed_out: false,
          });
        } else {
          // The peer's answer: escaped for the terminal and fenced, as show and inbox print bodies.
          if (r.message.flags.includes('not-utf8')) ctx.print(`problem: ${NOT_UTF8_PROBLEM}`);
          // At most BODY_BYTES of it: an answer may be as large as the bus reads (64 MiB).
          const shown = shownMessage({ body: r.message.body, context: r.message.context ?? null });
          for (const line of bodyLines('ANSWER', shown.untrusted.body, shown.untrusted.context)) ctx.print(line);
          if (shown.cut) ctx.print(shownCutNote(r.id, shown.cut));
        }
        return;
      }
      const { ok: _ok, ...fields } = result;
      if ('unreadableAnswer' in waited) {
        throw answerTooLargeError(displayName(sent.to), sent.id, waited.unreadableAnswer, { ...fields, response: null, timed_out: false, dead_letter: null });
      }
      if ('closed' in waited) {
        throw new AliveError(closedText(displayName(sent.to), sent.id), {
          code: 'no_answer',
          fields: { ...fields, response: null, timed_out: false, dead_letter: null },
        });
      }
      let message: string;
      // Where the request is, from a lookup that may have been partial (a claim of it among the names not listed).
      const seen = { unlisted: false };
      if ('deadLettered' in waited) {
        // The reason is the receiver's text (it quotes the failing agent): fenced, never in our error line.
        if (!ctx.json) for (const line of reasonLines(waited.deadLettered.reason)) ctx.print(line);
        // A retry of a thread past its turn budget goes straight back: the way on is a new thread.
        const next =
          waited.deadLettered.code === 'turn_budget'
            ? turnBudgetAdvice(displayName(sent.to))
            : `once the cause is fixed, 'dispatch retry ${sent.id}' puts it back`;
        message = `${displayName(sent.to)} did not answer msg-${sent.id}: it went to runtimes/${sent.to}/dead-letter/${ctx.json ? '' : ' (its reason is printed above)'}; ${next}`;
      } else {
        const what = 'timedOut' in waited ? `no answer from ${displayName(sent.to)} within ${waitMs / 1000} s` : 'stopped waiting';
        const request = findMessage(root, sent.id, { receiver: sent.to, seen }).find((m) => m.kind === 'request' && m.location !== 'outbox');
        // An outbox or archive past the listing's bound: the answer may be among the names not listed.
        const note = waitUnlistedSuffix(waited, displayName(sent.to));
        message = withFindUnlisted(
          `${what}; msg-${sent.id} is ${unansweredText(root, sent.id, request, sent.to, 'cli', sent.from)}; pick the answer up later with 'dispatch wait ${sent.id} --receiver ${displayName(sent.to)}'${note}`,
          seen,
        );
      }
      throw new AliveError(message, {
        code: 'deadLettered' in waited ? 'dead_letter' : 'timedOut' in waited ? 'timeout' : 'interrupted',
        ...('aborted' in waited ? { exitCode: interrupt!.exitCode() } : {}),
        fields: {
          ...fields,
          response: null,
          timed_out: 'timedOut' in waited,
          ...unlistedField('unlisted' in waited),
          ...findUnlistedJson(seen),
          dead_letter:
            'deadLettered' in waited
              ? {
                  code: waited.deadLettered.code,
                  untrusted: {
                    reason: waited.deadLettered.reason,
                    ...(waited.deadLettered.untrustedCode !== undefined ? { code: waited.deadLettered.untrustedCode } : {}),
                  },
                }
              : null,
        },
      });
    } finally {
      interrupt?.release();
    }
  }),
});
