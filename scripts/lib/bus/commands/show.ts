import { defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { idHint, withIdHint } from '../id-resolve.ts';
import { findMessage, threadOfKey } from '../query.ts';
import { findUnlistedNote, listBudget, unlistedField } from '../list-bound.ts';
import { idField } from '../json-fields.ts';
import { busRoot, messageIdOnBus, messageJson, messageLines, nameArg, ROOT_OPTION, givenIdRun, requireBus } from './common.ts';

const USAGE = `usage: dispatch show ID [--receiver @NAME] [--full] [--json] [--root DIR]

Shows one message or answer by its id (msg-<id>.hw, msg-<id>, <id>, or a unique start of it of at
least 8 hex digits, said on stderr), wherever it is: waiting in
an inbox, claimed, answered or handled in the archive, an answer in an outbox, or in dead-letter
with the reason. --receiver looks only in that receiver's folders. Exit 1 when there is none.
A body (or context) longer than 512 KiB is cut there, with a line saying how many bytes were left
out; --full prints it whole (a message can be as large as its receiver's max_bytes, 64 MiB).
--json gives it whole.`;

export const showCommand = defineCommand({
  name: 'show',
  summary: 'one message or answer by id, wherever it is, with its state',
  usage: USAGE,
  options: { receiver: { type: 'string' }, full: { type: 'boolean' }, ...ROOT_OPTION },
  positionals: { names: ['ID'], min: 1 },
  run: givenIdRun(0, async (ctx) => {
    const receiver = ctx.values.receiver === undefined ? undefined : nameArg(ctx.values.receiver, 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const id = messageIdOnBus(ctx.io, root, ctx.positionals[0]!, receiver);
    requireBus(root, ctx.values.root);
    const listing = listBudget();
    const found = findMessage(root, id, receiver === undefined ? { listing } : { receiver, listing });
    const unlisted = listing.unlisted;
    if (found.length === 0) {
      const thread = receiver === undefined ? threadOfKey(root, id) : undefined;
      const next = thread
        ? `'${id}' is a thread id, not a message id: 'dispatch thread ${id}' lists its messages`
        : "check the id ('dispatch status' lists the receivers)";
      throw new AliveError(
        withIdHint(`there is no message ${id} on the bus under ${root}/runtimes`, thread ? undefined : idHint(root, id, { receiver }), next),
        {
          code: 'not_found',
          fields: idField('id', id),
        },
      );
    }
    if (ctx.json) {
      ctx.printJson({
        ok: true,
        ...idField('id', id),
        messages: found.map((m) => messageJson(m, receiver)),
        ...unlistedField(unlisted),
        ...(unlisted ? { note: findUnlistedNote(listing.unreadReceivers) } : {}),
      });
      return;
    }
    if (unlisted) ctx.warn(findUnlistedNote(listing.unreadReceivers));
    found.forEach((m, i) => {
      if (i > 0) ctx.print();
      for (const line of messageLines(m, { typed: receiver, full: ctx.values.full === true })) ctx.print(line);
    });
  }),
});

// `thread` shares show's bundle (group.ts).
export { threadCommand } from './thread.ts';
export { inboxCommand } from './inbox.ts';
