import { isWordlessId } from '../ids.ts';
import { defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { answeringReceiver, answerMessage, EMPTY_REPLY, refuseOthersMessage } from '../answer.ts';
import { displayName } from '../names.ts';
import { fencedLines } from '../../text/fence.ts';
import { idField, threadField } from '../json-fields.ts';
import { busRoot, envIdentity, messageIdOnBus, nameable, nameArg, quoteHint, ROOT_OPTION, textArg, givenIdRun, requireBus } from './common.ts';

const USAGE = `usage: dispatch reply MESSAGE_ID "TEXT" [--as @RECEIVER] [--json] [--root DIR]

Answers a message of @RECEIVER (claimed with 'dispatch claim', or still in the inbox): TEXT ('-'
reads it from stdin) goes to runtimes/<receiver>/outbox/ in the message's thread, with
In-Reply-To naming the message, and the message moves to the archive. A TEXT that starts with '-'
(a Markdown list, -5 degrees) goes last, after '--' (dispatch reply ID --as @claude -- '- done'), or
on stdin. Without --as the receiver is
$HELLOWORLD_AS (set for the agents 'dispatch serve' starts; empty is unset), and a message to
another receiver is refused (exit 1, code not_yours); without either, the one holding the message,
named in the line printed (--as is needed only when several do). An empty TEXT (nothing but white
space) is refused, as an empty send is (exit 1, code empty_body).`;

/** Said when the sender's inbox was due a copy and got none; why (naming the sender) follows in a fence. */
const NO_INBOX_COPY = "no copy of the answer went into its sender's inbox (why, in the fence below)";

export const replyCommand = defineCommand({
  name: 'reply',
  summary: 'answer a claimed message',
  usage: USAGE,
  options: { as: { type: 'string' }, ...ROOT_OPTION },
  positionals: { names: ['MESSAGE_ID', 'TEXT'], min: 2, tooMany: (args) => quoteHint('reply', args) },
  run: givenIdRun(0, async (ctx) => {
    const typed = ctx.values.as === undefined ? undefined : nameArg(ctx.values.as, 'receiver', USAGE);
    // Without --as, the caller's own name (an agent serve started has it): never another receiver's.
    const identity = typed === undefined ? envIdentity(USAGE, '--as') : undefined;
    const root = busRoot(ctx.values.root);
    // Before stdin is read: a mistyped id is named before the answer is typed.
    const id = messageIdOnBus(ctx.io, root, ctx.positionals[0]!, typed ?? identity);
    requireBus(root, ctx.values.root);
    if (identity !== undefined) refuseOthersMessage(root, id, identity, 'cli');
    const receiver = typed ?? identity ?? answeringReceiver(root, id, '--as');
    const text = textArg(ctx.positionals[1]!, 'answer', ctx.io);
    // As an empty send: refused (exit 1, empty_body), not a usage error.
    if (text.trim() === '') throw new AliveError(`${EMPTY_REPLY}: give the answer as TEXT, or '-' and the answer on stdin`, { code: 'empty_body' });
    const done = await answerMessage(root, receiver, id, text);
    // A receiver found by looking (not typed) is named only when every bus knows it.
    const named = nameable(receiver, typed ?? identity);
    const claim = { id: done.id };
    const resp = { id: done.responseId, path: done.path, thread: done.thread, turn: done.turn };
    if (ctx.json) {
      const who = named ? { receiver: displayName(receiver) } : { receiver: null, untrusted_receiver: displayName(receiver) };
      // The request's id and Thread header are a bus writer's words unless the bus made them (as the MCP reply tool gives them).
      ctx.printJson({
        ok: true,
        ...idField('id', claim.id),
        response_id: resp.id,
        file: resp.path,
        ...threadField(resp.thread),
        turn: resp.turn,
        ...who,
        ...(done.alsoInto !== undefined ? { also_into_inbox: displayName(done.alsoInto) } : {}),
        ...(done.inboxCopyProblem !== undefined ? { untrusted: { inbox_copy_problem: done.inboxCopyProblem } } : {}),
      });
    } else {
      ctx.print(
        `replied to ${isWordlessId(claim.id) ? claim.id : 'the message'} as ${named ? displayName(receiver) : 'its receiver'} (response msg-${resp.id})` +
          (done.alsoInto !== undefined ? ` (also into ${displayName(done.alsoInto)}'s inbox)` : ''),
      );
      if (done.inboxCopyProblem !== undefined) {
        ctx.warn(NO_INBOX_COPY);
        for (const l of fencedLines('UNTRUSTED DETAIL', done.inboxCopyProblem)) ctx.io.stderr.write(`${l}\n`);
      }
    }
  }),
});
