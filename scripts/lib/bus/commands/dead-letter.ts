import { defineCommand } from '../../cli/command.ts';
import { summaryLine } from '../../text/untrusted.ts';
import { displayName } from '../names.ts';
import { deadLetterListing } from '../query.ts';
import { busListMax, deadLetterUnlistedNote, unlistedField } from '../list-bound.ts';
import { busRoot, firstLines, listingLines, messageJson, nameArg, positiveIntArg, reasonLines, ROOT_OPTION, requireBus } from './common.ts';
import { unknownReceiver, unknownReceiverJson } from '../receivers.ts';
import { counted } from '../../text/plural.ts';

const USAGE = `usage: dispatch dead-letter @RECEIVER [--limit N] [--json] [--root DIR]

Lists what was sent to @RECEIVER's dead-letter, oldest first, and why: unreadable files, senders
outside allow_from, failing or timed-out agents (with the end of what they printed), used-up turn
budgets. At most --limit of them (default 100); the others are counted. 'dispatch show ID' prints
one in full; 'dispatch retry ID' puts it back in the inbox.`;

/** Dead letters listed unless --limit says otherwise: each is read, with its reason file. */
const LIMIT_DEFAULT = 100;

export const deadLetterCommand = defineCommand({
  name: 'dead-letter',
  summary: 'what was dead-lettered for @RECEIVER, and why',
  usage: USAGE,
  options: { limit: { type: 'string' }, ...ROOT_OPTION },
  positionals: { names: ['@RECEIVER'], min: 1 },
  run(ctx) {
    const receiver = nameArg(ctx.positionals[0], 'receiver', USAGE);
    const limit = positiveIntArg(ctx.values.limit, '--limit') ?? LIMIT_DEFAULT;
    const root = busRoot(ctx.values.root);
    requireBus(root, ctx.values.root);
    // All counted by name, the oldest `limit` read: a folder any bus writer fills may hold thousands,
    // each reason file quoting a megabyte of a failing agent's output.
    const listing = deadLetterListing(root, receiver, busListMax());
    const entries = listing.entries;
    const note = listing.unlisted ? deadLetterUnlistedNote(displayName(receiver)) : undefined;
    const shown = entries.slice(0, limit);
    const truncated = shown.length < entries.length;
    // A receiver nobody has (`@gemni`): said, with the name like it, as inbox and claim say it.
    const unknown = entries.length === 0 ? unknownReceiver(root, receiver) : undefined;
    if (ctx.json) {
      ctx.printJson({
        ok: true,
        receiver: displayName(receiver),
        count: shown.length,
        total: entries.length,
        truncated,
        ...unknownReceiverJson(unknown),
        ...unlistedField(listing.unlisted),
        ...(note ? { note } : {}),
        messages: shown.map((e) => messageJson(e.read(), receiver)),
      });
      return;
    }
    if (note) ctx.warn(note);
    if (entries.length === 0) {
      ctx.print(`nothing in ${displayName(receiver)}'s dead-letter${unknown ? `: ${unknown.text}` : ''}`);
      for (const l of unknown?.similar?.lines ?? []) ctx.print(l);
      return;
    }
    ctx.print(`${counted(entries.length, 'dead letter')} of ${displayName(receiver)}${truncated ? `; the oldest ${shown.length}` : ''}:`);
    const summaries: { id: string; summary: string }[] = [];
    // Printed as each is read: only its first line is kept, for the fence after the listing.
    for (const e of shown) {
      const m = e.read();
      for (const line of listingLines(m)) ctx.print(line);
      const d = m.deadLetter!;
      ctx.print(`      ${d.code}${d.at ? ` (${d.at})` : ''}`);
      for (const line of reasonLines(d.reason)) ctx.print(line);
      if (m.untrusted) summaries.push({ id: m.id, summary: summaryLine(m.untrusted.body) });
    }
    for (const line of firstLines(summaries)) ctx.print(line);
    if (truncated) ctx.print(`${counted(entries.length - shown.length, 'more dead letter')} not shown; --limit N shows more`);
    ctx.print(`show one: dispatch show <id>; put one back: dispatch retry <id>`);
  },
});

// `retry` shares dead-letter's bundle (group.ts).
export { retryCommand } from './retry.ts';
