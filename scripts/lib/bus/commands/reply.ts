import { defineCommand } from '../../cli/command.ts';
import { answerMessage } from '../answer.ts';
import { displayName } from '../names.ts';
import { messageIdArg } from '../query.ts';
import { busRoot, nameArg, ROOT_OPTION, textArg } from './common.ts';

const USAGE = `usage: dispatch reply MESSAGE_ID "TEXT" --as @RECEIVER [--json] [--root DIR]

Answers a message of @RECEIVER (claimed with 'dispatch claim', or still in the inbox): TEXT ('-'
reads it from stdin) goes to runtimes/<receiver>/outbox/ in the message's thread, with
In-Reply-To naming the message, and the message moves to the archive.`;

export const replyCommand = defineCommand({
  name: 'reply',
  summary: 'answer a claimed message',
  usage: USAGE,
  options: { as: { type: 'string' }, ...ROOT_OPTION },
  positionals: { names: ['MESSAGE_ID', 'TEXT'], min: 2 },
  async run(ctx) {
    const receiver = nameArg(ctx.required(ctx.values.as, '--as'), 'receiver', USAGE);
    const id = messageIdArg(ctx.positionals[0]!);
    const text = textArg(ctx.positionals[1]!);
    if (text.trim() === '') ctx.usageError('the reply text is empty');
    const done = await answerMessage(busRoot(ctx.values.root), receiver, id, text);
    const claim = { id: done.id };
    const resp = { id: done.responseId, path: done.path, thread: done.thread, turn: done.turn };
    if (ctx.json) {
      ctx.printJson({ ok: true, id: claim.id, response_id: resp.id, file: resp.path, thread: resp.thread, turn: resp.turn, receiver: displayName(receiver) });
    } else {
      ctx.print(`replied to ${claim.id} as ${displayName(receiver)} (response msg-${resp.id})`);
    }
  },
});
