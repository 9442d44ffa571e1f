import { LISTED_PEEK_BYTES, readBusFile } from '../fsutil.ts';
import { defineCommand } from '../../cli/command.ts';
import { countClaimsUpTo, listInboxUpTo } from '../claims.ts';
import { busListMax, inboxUnlistedNote, noteJson, processingUnlistedNote, unlistedField } from '../list-bound.ts';
import { receiverPaths } from '../layout.ts';
import { decodeUtf8, isResponse, parseMessage } from '../message.ts';
import { displayName } from '../names.ts';
import { isWordlessId } from '../ids.ts';
import { idField, listedHeaders, pathField, rawHeader } from '../json-fields.ts';
import { unknownReceiver, unknownReceiverJson } from '../receivers.ts';
import { shownSender, shownTimestamp } from '../envelope.ts';
import {
  busRoot,
  firstLines,
  handClaimsJson,
  handClaimsText,
  nameArg,
  nextPageOptions,
  PAGE_OPTIONS,
  pageArgs,
  pageJson,
  ROOT_OPTION,
  requireBus,
} from './common.ts';
import { fencedLines } from '../../text/fence.ts';
import { inlineText, summaryLine } from '../../text/untrusted.ts';
import { counted, noun } from '../../text/plural.ts';

const USAGE = `usage: dispatch inbox @RECEIVER [--limit N] [--offset N] [--json] [--root DIR]

Lists the messages waiting for @RECEIVER, oldest first, without consuming them: at most --limit
(default 100) from --offset (default 0), as the MCP inbox tool pages them; a last line says how
to list the next page (--json: total, truncated and next_offset).`;

export const inboxCommand = defineCommand({
  name: 'inbox',
  summary: 'list messages waiting for @RECEIVER, without consuming them',
  usage: USAGE,
  options: { ...PAGE_OPTIONS, ...ROOT_OPTION },
  positionals: { names: ['@RECEIVER'], min: 1 },
  run(ctx) {
    const { values, positionals } = ctx;
    const receiver = nameArg(positionals[0], 'receiver', USAGE);
    const root = busRoot(values.root);
    requireBus(root, values.root);
    const paths = receiverPaths(root, receiver);
    const inbox = listInboxUpTo(paths, busListMax());
    const note = inbox.unlisted ? inboxUnlistedNote(displayName(receiver)) : undefined;
    // A page: each message read is kept until the listing is printed (a planted 100,000 ran out of heap).
    const total = inbox.entries.length;
    const { start, end, offset } = pageArgs(values, total);
    const messages = inbox.entries.slice(start, end).map((e) => {
      // A name that is not a valid id is never shown raw: it is dead-lettered when claimed.
      if (!e.validId) return { id: null, problem: 'its file name is not a valid message id', untrusted: { file_name: inlineText(e.name, 120) } };
      const base = { id: e.id, file: e.path };
      if (!e.regular) return { ...base, problem: 'not a regular file' };
      const r = readBusFile(root, e.path, { headBytes: LISTED_PEEK_BYTES });
      // Said as the MCP inbox tool says it: a file taken meanwhile, or why it cannot be read (a hard link).
      if (!r.ok) return { ...base, problem: r.problem === 'missing' ? 'gone (claimed meanwhile)' : r.detail };
      const { bytes: head, size } = r;
      const text = decodeUtf8(head);
      // A multi-byte character cut at the end of the peek window is not a reason to complain.
      if (text === undefined && size <= LISTED_PEEK_BYTES) return { ...base, bytes: size, problem: 'not valid UTF-8' };
      const read = text ?? head.toString('utf8');
      const m = parseMessage(read);
      // The file's headers, each cut to HEADER_BYTES as the MCP inbox tool cuts them (raw here:
      // JSON escapes them), and its first line.
      const { headers, ...cut } = listedHeaders(e.id, m, read, size, LISTED_PEEK_BYTES, rawHeader);
      const untrusted = { from: headers.from, thread: headers.thread, turn: m.turn ?? null, timestamp: headers.timestamp, summary: summaryLine(m.body) };
      return {
        ...base,
        // An answer (a copy serve delivers to a HEAD-format sender, or any writer's) is to read, not to answer: claim files it.
        kind: isResponse(m) ? ('response' as const) : ('request' as const),
        bytes: size,
        ...(m.flags.length ? { flags: m.flags } : {}),
        untrusted,
        ...cut,
      };
    });
    const answers = messages.filter((m) => 'kind' in m && m.kind === 'response').length;
    const claims = countClaimsUpTo(paths);
    const processing = claims.count;
    // Past the bound the count is among the names listed: said as status says a count (more than N).
    // Claims whose holder is gone are being handled by nobody: said with the claim that takes them back.
    const byNobody =
      claims.gone > 0
        ? `; ${claims.gone} of them held by a process that is gone: 'dispatch claim ${displayName(receiver)}' takes ${claims.gone === 1 ? 'it' : 'them'} back`
        : '';
    const handled = claims.more_than ? `${processing} (more than ${claims.more_than} files)` : processing;
    const being = `${handled} being handled${byNobody}${handClaimsText(claims.byHand, receiver)}`;
    const notes = [note, claims.more_than ? processingUnlistedNote(displayName(receiver)) : undefined];
    const unknown = messages.length === 0 ? unknownReceiver(root, receiver) : undefined;
    if (ctx.json) {
      ctx.printJson({
        ok: true,
        receiver: displayName(receiver),
        root,
        count: messages.length,
        ...pageJson(total, start, end),
        answers,
        processing,
        gone_claims: claims.gone,
        ...handClaimsJson(claims.byHand),
        ...(claims.more_than ? { more_than: { processing: claims.more_than } } : {}),
        ...unknownReceiverJson(unknown),
        ...unlistedField(inbox.unlisted || claims.more_than !== undefined),
        ...noteJson(notes),
        messages: messages.map(messageEntryJson),
      });
      return;
    }
    for (const n of notes) if (n) ctx.warn(n);
    if (messages.length === 0 && total > 0) {
      ctx.print(`${counted(total, 'file')} in the inbox of ${displayName(receiver)}, none from --offset ${offset}`);
      return;
    }
    if (messages.length === 0) {
      ctx.print(`no messages waiting for ${displayName(receiver)}${processing || claims.more_than ? ` (${being})` : ''}${unknown ? `: ${unknown.text}` : ''}`);
      for (const l of unknown?.similar?.lines ?? []) ctx.print(l);
      return;
    }
    const requests = messages.length - answers;
    const waiting = requests === 0 ? 'no messages waiting' : `${counted(requests, 'message')} waiting`;
    const toRead = answers === 0 ? '' : `, and ${counted(answers, 'answer')} to read (claim files it)`;
    // A page: the total first, then what the listed part holds.
    const paged = start > 0 || end < total ? `${counted(total, 'file')} in the inbox of ${displayName(receiver)}; listed ${start + 1} to ${end}: ` : '';
    const whom = paged ? '' : ` for ${displayName(receiver)}`;
    ctx.print(`${paged}${waiting}${whom}${processing || claims.more_than ? `, ${being}` : ''}${toRead}:`);
    const summaries: { id: string; summary: string }[] = [];
    // Ids come from file names and senders from headers, any writer's words: listed in a fence.
    const listed: string[] = [];
    let unnamed = 0;
    for (const m of messages) {
      // A file name any writer chose that is not even an id is not shown (--json has it, escaped).
      if (m.id === null) unnamed++;
      else if ('problem' in m && m.problem) listed.push(`${m.id}  (${m.problem})`);
      else if ('untrusted' in m) {
        const u = m.untrusted;
        listed.push(
          `${m.id}  from ${shownSender(u.from)}${u.timestamp ? `  sent ${shownTimestamp(u.timestamp)}` : ''}${'kind' in m && m.kind === 'response' ? '  (an answer)' : ''}`,
        );
        summaries.push({ id: m.id, summary: u.summary });
      }
    }
    if (listed.length) {
      ctx.print("ids and senders (untrusted: the files' names and headers; it ends at the END line with the same number):");
      for (const line of fencedLines('UNTRUSTED INBOX', listed.join('\n'))) ctx.print(line);
    }
    if (unnamed) {
      const whose = noun(unnamed, 'whose name is not a valid message id', 'whose names are not valid message ids');
      ctx.print(`${counted(unnamed, 'file')} ${whose}, not shown: a claim moves ${noun(unnamed, 'it', 'them')} to dead-letter`);
    }
    for (const line of firstLines(summaries)) ctx.print(line);
    if (end < total) ctx.print(`${total - end} more not listed: dispatch inbox ${displayName(receiver)} ${nextPageOptions(values, end)}`);
    ctx.print(`claim one: dispatch claim ${displayName(receiver)} [ID] (ID: one of the ids listed above)`);
  },
});

/**
 * A listed message for --json: a valid id is still a file name any writer chose, so the id and the
 * path holding it are ours only when the bus made the id (as the MCP inbox tool gives them).
 */
function messageEntryJson<E extends { id: string | null; file?: string }>(entry: E) {
  const { id, file, ...rest } = entry;
  if (id === null) return entry;
  return { ...idField('id', id), ...(file === undefined ? {} : pathField('file', file, isWordlessId(id))), ...rest };
}

/** The first LISTED_PEEK_BYTES of a message file and its size; never reads a huge file whole. */
