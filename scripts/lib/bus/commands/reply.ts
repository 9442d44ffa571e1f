import { defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { claimById, completeClaim, deadLetterClaim, loadClaim } from '../claims.ts';
import { loadReceiverConfig } from '../config.ts';
import { receiverPaths } from '../layout.ts';
import { displayName } from '../names.ts';
import { findMessage, messageIdArg } from '../query.ts';
import { budgetProblem, recordTurn } from '../threads.ts';
import { busRoot, nameArg, ROOT_OPTION, textArg, whereText } from './common.ts';

const USAGE = `usage: dispatch reply MESSAGE_ID "TEXT" --as @RECEIVER [--json] [--root DIR]

Answers a message of @RECEIVER (claimed with 'dispatch claim', or still in the inbox): TEXT ('-'
reads it from stdin) goes to runtimes/<receiver>/outbox/ in the message's thread, with
In-Reply-To naming the message, and the message moves to the archive.`;

export const replyCommand = defineCommand({
  name: 'reply',
  summary: 'answer a claimed message',
  usage: USAGE,
  options: { as: { type: 'string' }, ...ROOT_OPTION },
  positionals: { min: 2, max: 2 },
  async run(ctx) {
    const receiver = nameArg(ctx.required(ctx.values.as, '--as'), 'receiver', USAGE);
    const id = messageIdArg(ctx.positionals[0]!);
    const text = textArg(ctx.positionals[1]!);
    if (text.trim() === '') ctx.usageError('the reply text is empty');
    const root = busRoot(ctx.values.root);
    const paths = receiverPaths(root, receiver);
    const config = await loadReceiverConfig(paths.config);

    let claim = loadClaim(root, receiver, id);
    if (!claim) claim = await claimById(root, receiver, id, { owner: 'hand', leaseMs: config.claimLeaseMs });
    if (!claim) {
      const where = findMessage(root, id, { receiver });
      const why =
        where.length === 0
          ? `there is no such message for ${displayName(receiver)}; see 'dispatch inbox ${displayName(receiver)}'`
          : where[0]!.state === 'handled'
            ? 'it was already answered (it is in the archive)'
            : `it is ${where.map(whereText).join('; ')}`;
      throw new AliveError(`cannot reply to ${id}: ${why}`, { code: 'not_found' });
    }
    const thread = claim.message.thread || claim.id;
    const over = budgetProblem(paths, thread, claim.message.turn, config.turnBudget);
    if (over) {
      deadLetterClaim(claim, over, 'turn_budget');
      throw new AliveError(`cannot reply to ${id}: ${over}; the message went to dead-letter`, { code: 'turn_budget' });
    }
    recordTurn(paths, thread, claim.id);
    const done = completeClaim(claim, { body: text });
    const resp = done.response!;
    if (ctx.json) {
      ctx.printJson({ ok: true, id: claim.id, response_id: resp.id, file: resp.path, thread: resp.thread, turn: resp.turn, receiver: displayName(receiver) });
    } else {
      ctx.print(`replied to ${claim.id} as ${displayName(receiver)} (response msg-${resp.id})`);
    }
  },
});
