import { defineCommand } from '../../cli/command.ts';
import { displayName } from '../names.ts';
import { retryDeadLetter, messageIdArg } from '../query.ts';
import { busRoot, envelopeLines, nameArg, receiverField, ROOT_OPTION } from './common.ts';

const USAGE = `usage: dispatch retry ID [--receiver @NAME] [--json] [--root DIR]

Puts dead letter ID back into its receiver's inbox, to be handled again as new (after fixing what
made it fail: the agent, the config, the turn budget). When the inbox already holds a message of
that name, it goes back under a fresh id, which is printed. --receiver says whose dead letter it
is when several receivers have one with that id.`;

export const retryCommand = defineCommand({
  name: 'retry',
  summary: 'put a dead letter back into its inbox',
  usage: USAGE,
  options: { receiver: { type: 'string' }, ...ROOT_OPTION },
  positionals: { names: ['ID'], min: 1 },
  run(ctx) {
    const id = messageIdArg(ctx.positionals[0]!);
    const receiver = ctx.values.receiver === undefined ? undefined : nameArg(ctx.values.receiver, 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const r = retryDeadLetter(root, id, receiver === undefined ? {} : { receiver });
    if (ctx.json) {
      ctx.printJson({ ok: true, id: r.id, previous_id: r.previousId, receiver: displayName(r.receiver), file: r.path });
      return;
    }
    // Found by listing runtimes/ unless --receiver named it: then a folder name a bus writer chose.
    const whose = r.receiver === receiver ? `${displayName(r.receiver)}'s` : "its receiver's";
    ctx.print(
      r.previousId === null
        ? `msg-${r.id} is back in ${whose} inbox`
        : `msg-${r.previousId} is back in ${whose} inbox as msg-${r.id} (the old name was taken there)`,
    );
    if (r.receiver !== receiver) for (const line of envelopeLines([['id', r.id], receiverField(r.receiver)])) ctx.print(line);
  },
});
