import { BODY_BYTES } from '../shown-body.ts';
import { defineCommand } from '../../cli/command.ts';
import { shownThread } from '../envelope.ts';
import { isWordlessId } from '../ids.ts';
import { fencedLines } from '../../text/fence.ts';
import { resolvedNote } from '../id-resolve.ts';
import { existingThreadMembers, threadHeaderNote, unreadFilesNote } from '../query.ts';
import {
  busRoot,
  messageJson,
  messageLines,
  nameArg,
  nextPageOptions,
  PAGE_OPTIONS,
  pageArgs,
  pageJson,
  ROOT_OPTION,
  givenIdRun,
  requireBus,
} from './common.ts';
import { counted } from '../../text/plural.ts';
import { noteJson } from '../list-bound.ts';
import { LISTED_READ_BYTES } from '../mcp/bounds.ts';

const USAGE = `usage: dispatch thread ID [--receiver @NAME] [--limit N] [--offset N] [--json] [--root DIR]

Prints the messages and answers of a thread, oldest first, wherever each is now (inbox, being
handled, outbox, archive, dead-letter): at most --limit (default 100) from --offset (default 0),
as the MCP thread tool pages them; a last line says how to print the next page (--json: total,
truncated and next_offset). ID is a thread id, or the id of any message of the thread
(a unique start of it of at least 8 hex digits too, said on stderr).
--receiver looks only in that receiver's folders. Exit 1 when nothing belongs to the thread.
A Thread header that is no thread id (over 256 characters, or holding a control or invisible
character) is taken as absent: the thread listed is that message's own id, and a note says so.
Each body (or context) longer than 512 KiB is cut, with a line saying how many bytes were left out
and that 'dispatch show ID --full' prints it whole; --json gives the first 64 KiB of each file
(partial_of: the file's size when it holds more).`;

export const threadCommand = defineCommand({
  name: 'thread',
  summary: 'every message and answer of a thread, in order',
  usage: USAGE,
  options: { receiver: { type: 'string' }, ...PAGE_OPTIONS, ...ROOT_OPTION },
  positionals: { names: ['ID'], min: 1 },
  run: givenIdRun(0, async (ctx) => {
    const key = ctx.positionals[0]!;
    if (key.trim() === '' || key.length > 256) ctx.usageError('give a thread id or a message id');
    const receiver = ctx.values.receiver === undefined ? undefined : nameArg(ctx.values.receiver, 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    requireBus(root, ctx.values.root);
    const t = existingThreadMembers(root, key, receiver === undefined ? {} : { receiver });
    const note = t.resolved && resolvedNote(t.resolved);
    if (note) ctx.io.stderr.write(`${note}\n`);
    const notes = [t.headerProblem && threadHeaderNote(t.headerProblem), t.unread > 0 || t.unlisted ? unreadFilesNote(t) : undefined];
    // A page: a thread may hold any number of large messages (10,000 answers of 512 KiB printed 3.9 GB).
    const total = t.members.length;
    const { start, end } = pageArgs(ctx.values, total);
    const members = t.members.slice(start, end);
    if (ctx.json) {
      // A thread id from a header is words: ours only when it cannot spell any, as threadField and the text below name it.
      const thread = isWordlessId(t.untrustedThread) ? t.untrustedThread : null;
      ctx.printJson({
        ok: true,
        thread,
        untrusted_thread: t.untrustedThread,
        count: members.length,
        ...pageJson(total, start, end),
        ...(t.unread > 0 || t.unlisted ? { unread_files: t.unread, ...(t.unlisted ? { unlisted_files: true } : {}) } : {}),
        ...noteJson(notes),
        // The first LISTED_READ_BYTES of each file, as the MCP thread tool reads one (partial_of: its size):
        // 100 members of 60 MiB ran out of heap whole (a second review of 2026-12-07).
        messages: members.map((m) => messageJson(m.read({ prefixBytes: LISTED_READ_BYTES }))),
      });
      return;
    }
    const count = `${counted(total, 'message')}, oldest first${start > 0 || end < total ? ` (printed: ${start + 1} to ${end})` : ''}`;
    // A thread id from a header is any writer's words, fenced unless it is one the bus makes.
    if (isWordlessId(t.untrustedThread)) ctx.print(`thread ${t.untrustedThread}: ${count}`);
    else {
      ctx.print(`a thread of ${count}; its id (untrusted; it ends at the END line with the same number):`);
      for (const line of fencedLines('UNTRUSTED THREAD', shownThread(t.untrustedThread))) ctx.print(line);
    }
    // Read and printed one at a time, each no further than it is shown (BODY_BYTES): a thread may
    // hold any number of large messages (240 planted sparse files of 63 MiB took 36 s whole).
    for (const member of members) {
      const m = member.read({ prefixBytes: BODY_BYTES + 64 * 1024 });
      ctx.print();
      // The receiver folder holding it is in its envelope: a folder name is a bus writer's words.
      for (const line of messageLines(m, { typed: receiver })) ctx.print(line);
    }
    if (end < total) {
      ctx.print();
      ctx.print(`${total - end} more not printed: dispatch thread ${isWordlessId(key) ? key : "'<the thread id>'"} ${nextPageOptions(ctx.values, end)}`);
    }
    for (const n of notes) {
      if (n === undefined) continue;
      ctx.print();
      ctx.print(`note: ${n}`);
    }
  }),
});
