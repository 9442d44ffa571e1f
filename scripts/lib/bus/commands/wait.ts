import { defineCommand } from '../../cli/command.ts';
import { findUnlistedJson, unlistedField, waitUnlistedNote, withFindUnlisted } from '../list-bound.ts';
import { AliveError } from '../../errors.ts';
import { displayName } from '../names.ts';
import { idField } from '../json-fields.ts';
import { waitForAnswer } from '../query.ts';
import { answerTooLargeError, closedText } from '../responses.ts';
import {
  bodyLines,
  busRoot,
  envelopeLines,
  messageIdOnBus,
  messageJson,
  nameArg,
  reasonLines,
  receiverField,
  ROOT_OPTION,
  secondsArg,
  shownCutNote,
  unansweredText,
  withInterrupt,
  givenIdRun,
  requireBus,
  turnBudgetAdvice,
} from './common.ts';
import { shownMessage } from '../shown-body.ts';
import { CLI_RECEIVER, checkWaitReceiver } from '../wait-receiver.ts';

const USAGE = `usage: dispatch wait ID [--timeout SECONDS] [--receiver @NAME] [--json] [--root DIR]

Waits for the answer to message ID (the id send printed, or a unique start of it of at least 8 hex
digits, said on stderr; a thread id or an answer's id is
refused, naming the request to wait on), sent earlier (without --wait, or after a --wait ran out), and
prints it (between two marker lines: it is the receiver's untrusted text; at most 512 KiB of it,
then a line saying how many bytes were left out and that 'dispatch show ID --full' prints it whole;
--json gives it whole). An answer that came already is printed at once, also one collected before. Waits up to
--timeout SECONDS (default 60); no answer in time is exit 1, saying where the request is now. When
the receiver sent the request to dead-letter, the wait ends at once with the reason (exit 1); an
answer larger than the bus reads (64 MiB) ends it at once too, naming its file (exit 1, too_large).
Answers are matched by In-Reply-To, or by Thread for HelloWorld's Thread-era daemons.
--receiver names who answers, for a request that is no longer on the bus (HelloWorld's own
daemons delete what they read); by default it is the receiver the request was sent to. A --receiver
that is not the request's, or that no receiver has, is refused at once. Without --receiver, a request
held by several receivers (a copy in another receiver's folders may come with an answer of its
own) is refused (exit 2, ambiguous), naming them fenced: wait again with --receiver the one you sent
it to; so is a request on the bus nowhere whose answer several receivers hold.`;

export const waitCommand = defineCommand({
  name: 'wait',
  summary: 'wait for the answer to a message sent earlier',
  usage: USAGE,
  options: { timeout: { type: 'string' }, receiver: { type: 'string' }, ...ROOT_OPTION },
  positionals: { names: ['ID'], min: 1 },
  run: givenIdRun(0, async (ctx) => {
    const timeoutMs = secondsArg(ctx.values.timeout, '--timeout') ?? 60_000;
    const responder = ctx.values.receiver === undefined ? undefined : nameArg(ctx.values.receiver, 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const id = messageIdOnBus(ctx.io, root, ctx.positionals[0]!, responder);
    requireBus(root, ctx.values.root);
    if (responder !== undefined) checkWaitReceiver(root, id, responder, CLI_RECEIVER);
    const { value: r, exitCode: interruptedExit } = await withInterrupt((signal) =>
      waitForAnswer(root, id, { timeoutMs, signal, ...(responder === undefined ? {} : { responder }) }),
    );
    if (r.status === 'answered') {
      if (ctx.json)
        ctx.printJson({
          ok: true,
          ...idField('id', id),
          answer: messageJson(r.answer, responder),
          request: r.request ? messageJson(r.request, responder) : null,
        });
      else {
        if (r.answer.problem) ctx.print(`problem: ${r.answer.problem}`);
        // Found in a folder other than the one the request waits in (every outbox is looked in for a
        // request gone from the bus): any bus writer can make that folder and write an answer there.
        if (r.answer.receiver !== (responder ?? r.request?.receiver)) {
          ctx.print(
            `this answer was found in the outbox of a receiver folder ${r.request ? 'other than the one holding the request' : 'found by looking in every outbox (the request is no longer on the bus)'}, named in the envelope below (untrusted: any bus writer can make a folder and write an answer there); pass --receiver with the receiver you asked to take only its answers`,
          );
          for (const line of envelopeLines([receiverField(r.answer.receiver)])) ctx.print(line);
        }
        // At most BODY_BYTES of it: an answer may be as large as the bus reads (64 MiB).
        const shown = shownMessage({ body: r.answer.untrusted?.body ?? '', context: r.answer.untrusted?.context ?? null });
        for (const line of bodyLines('ANSWER', shown.untrusted.body, shown.untrusted.context)) ctx.print(line);
        if (shown.cut) ctx.print(shownCutNote(r.answer.id, shown.cut));
      }
      return;
    }
    if (r.status === 'unreadable') {
      const found = r.responder !== responder;
      throw answerTooLargeError(
        found ? 'its receiver' : displayName(r.responder),
        id,
        r.answer,
        { ...idField('id', id), timed_out: false, request: r.request ? messageJson(r.request, responder) : null, answer: null },
        found,
      );
    }
    if (r.status === 'dead-lettered') {
      // The reason is the receiver's text (it quotes the failing agent): fenced, never in our error line.
      if (!ctx.json) for (const line of reasonLines(r.deadLetter.reason)) ctx.print(line);
      const named = r.request.receiver === responder ? displayName(responder) : undefined;
      // A retry of a thread past its turn budget goes straight back: the way on is a new thread.
      const next = r.deadLetter.code === 'turn_budget' ? turnBudgetAdvice(named) : `see 'dispatch show ${id}', and 'dispatch retry ${id}' to try again`;
      throw new AliveError(
        `${named ?? 'its receiver'} did not answer msg-${id}: it is in dead-letter${ctx.json ? '' : ' (its reason is printed above)'}; ${next}`,
        {
          code: 'dead_letter',
          fields: {
            ...idField('id', id),
            timed_out: false,
            request: messageJson(r.request, responder),
            answer: null,
            dead_letter: {
              code: r.deadLetter.code,
              untrusted: { reason: r.deadLetter.reason, ...(r.deadLetter.untrustedCode !== null ? { code: r.deadLetter.untrustedCode } : {}) },
            },
          },
        },
      );
    }
    if (r.status === 'closed') {
      throw new AliveError(closedText(r.request && r.request.receiver === responder ? displayName(responder) : 'its receiver', id), {
        code: 'no_answer',
        fields: { ...idField('id', id), timed_out: false, request: r.request ? messageJson(r.request, responder) : null, answer: null },
      });
    }
    // A receiver found by listing runtimes/ is a folder name a bus writer chose: named only when typed.
    const what = r.status === 'timed-out' ? `no answer to msg-${id} within ${timeoutMs / 1000} s` : 'stopped waiting';
    // An outbox or archive past the listing's bound: the answer may be among the names not listed.
    const note =
      r.status === 'timed-out' && r.unlisted
        ? waitUnlistedNote(r.request?.receiver === responder && responder ? displayName(responder) : 'its receiver')
        : undefined;
    // Where the request is, from a lookup that may have been partial (a claim of it among the names not listed).
    const seen = { unlisted: r.requestUnlisted === true };
    throw new AliveError(
      withFindUnlisted(
        `${what}; the request is ${unansweredText(root, id, r.request, responder)}; wait again with 'dispatch wait ${id}${responder === undefined ? '' : ` --receiver ${displayName(responder)}`}'${note ? `; ${note}` : ''}`,
        seen,
      ),
      {
        code: r.status === 'timed-out' ? 'timeout' : 'interrupted',
        ...(r.status === 'aborted' ? { exitCode: interruptedExit() } : {}),
        fields: {
          ...idField('id', id),
          timed_out: r.status === 'timed-out',
          request: r.request ? messageJson(r.request, responder) : null,
          answer: null,
          ...unlistedField(note !== undefined),
          ...findUnlistedJson(seen, [note]),
        },
      },
    );
  }),
});
