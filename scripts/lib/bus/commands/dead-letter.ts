import { defineCommand } from '../../cli/command.ts';
import { summaryLine } from '../../text/untrusted.ts';
import { displayName } from '../names.ts';
import { listDeadLetters } from '../query.ts';
import { busRoot, firstLines, listingLines, messageJson, nameArg, reasonLines, ROOT_OPTION } from './common.ts';
import { counted } from '../../text/plural.ts';

const USAGE = `usage: dispatch dead-letter @RECEIVER [--json] [--root DIR]

Lists what was sent to @RECEIVER's dead-letter, oldest first, and why: unreadable files, senders
outside allow_from, failing or timed-out agents (with the end of what they printed), used-up turn
budgets. 'dispatch show ID' prints one in full; 'dispatch retry ID' puts it back in the inbox.`;

export const deadLetterCommand = defineCommand({
  name: 'dead-letter',
  summary: 'what was dead-lettered for @RECEIVER, and why',
  usage: USAGE,
  options: { ...ROOT_OPTION },
  positionals: { names: ['@RECEIVER'], min: 1 },
  run(ctx) {
    const receiver = nameArg(ctx.positionals[0], 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const list = listDeadLetters(root, receiver);
    if (ctx.json) {
      ctx.printJson({ ok: true, receiver: displayName(receiver), count: list.length, messages: list.map(messageJson) });
      return;
    }
    if (list.length === 0) {
      ctx.print(`nothing in ${displayName(receiver)}'s dead-letter`);
      return;
    }
    ctx.print(`${counted(list.length, 'dead letter')} of ${displayName(receiver)}:`);
    for (const m of list) {
      for (const line of listingLines(m)) ctx.print(line);
      const d = m.deadLetter!;
      ctx.print(`      ${d.code}${d.at ? ` (${d.at})` : ''}`);
      for (const line of reasonLines(d.reason)) ctx.print(line);
    }
    for (const line of firstLines(list.flatMap((m) => (m.untrusted ? [{ id: m.id, summary: summaryLine(m.untrusted.body) }] : [])))) ctx.print(line);
    ctx.print(`show one: dispatch show <id>; put one back: dispatch retry <id>`);
  },
});
