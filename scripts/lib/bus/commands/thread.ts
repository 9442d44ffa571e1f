import { defineCommand } from '../../cli/command.ts';
import { shownThread } from '../envelope.ts';
import { displayName } from '../names.ts';
import { existingThreadMembers } from '../query.ts';
import { busRoot, messageJson, messageLines, nameArg, ROOT_OPTION } from './common.ts';
import { counted } from '../../text/plural.ts';

const USAGE = `usage: dispatch thread ID [--receiver @NAME] [--json] [--root DIR]

Prints every message and answer of a thread, oldest first, wherever each is now (inbox, being
handled, outbox, archive, dead-letter). ID is a thread id, or the id of any message of the thread.
--receiver looks only in that receiver's folders. Exit 1 when nothing belongs to the thread.`;

export const threadCommand = defineCommand({
  name: 'thread',
  summary: 'every message and answer of a thread, in order',
  usage: USAGE,
  options: { receiver: { type: 'string' }, ...ROOT_OPTION },
  positionals: { names: ['ID'], min: 1 },
  run(ctx) {
    const key = ctx.positionals[0]!;
    if (key.trim() === '' || key.length > 256) ctx.usageError('give a thread id or a message id');
    const receiver = ctx.values.receiver === undefined ? undefined : nameArg(ctx.values.receiver, 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const t = existingThreadMembers(root, key, receiver === undefined ? {} : { receiver });
    if (ctx.json) {
      ctx.printJson({ ok: true, thread: t.untrustedThread, count: t.members.length, messages: t.members.map((m) => messageJson(m.read())) });
      return;
    }
    ctx.print(`thread ${shownThread(t.untrustedThread)}: ${counted(t.members.length, 'message')}, oldest first`);
    // Read and printed one at a time: a thread may hold any number of large messages.
    for (const member of t.members) {
      const m = member.read();
      ctx.print();
      const [first, ...rest] = messageLines(m);
      ctx.print(`${first}  [${displayName(m.receiver)}]`);
      for (const line of rest) ctx.print(line);
    }
  },
});
