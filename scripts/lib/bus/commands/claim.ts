import { defineCommand } from '../../cli/command.ts';
import { displayName } from '../names.ts';
import { idArgument, idInOurWords, isWordlessId } from '../ids.ts';
import { idField, pathField } from '../json-fields.ts';
import { unknownReceiver, unknownReceiverJson } from '../receivers.ts';
import { claimMessage, deadLetterCode } from '../query.ts';
import {
  bodyLines,
  busRoot,
  claimRefusal,
  messageIdOnBus,
  envelopeLines,
  filedAnswerText,
  tookOverJson,
  tookOverText,
  headerFields,
  nameArg,
  ROOT_OPTION,
  shownCutNote,
  untrustedJson,
  givenIdRun,
  requireBus,
} from './common.ts';
import { cutNote, shownMessage } from '../shown-body.ts';
import { AliveError } from '../../errors.ts';
import { heldRefusal } from '../answer.ts';
import { otherLiveHolder } from '../claim-owner.ts';
import { fencedLines } from '../../text/fence.ts';
import { claimUnlistedNote, findUnlistedJson, noteJson, sweepPartialNote, sweepStoppedNote, unlistedField } from '../list-bound.ts';
import { LONE_SWEEP_BATCHES } from '../claims.ts';
import { DEAD_LETTERED_SHOWN, tookBackJson, tookBackLines } from '../took-back.ts';
import { counted } from '../../text/plural.ts';

const USAGE = `usage: dispatch claim @RECEIVER [ID] [--json] [--root DIR]

Takes a message waiting for @RECEIVER so that nobody else answers it, and prints it: the oldest,
or message ID ('dispatch inbox' lists them). Answer it with 'dispatch reply <id> "TEXT" --as
@RECEIVER' before the lease runs out (claim_lease_seconds in runtimes/<receiver>/config.json,
default 30 minutes), or it returns to the inbox. A claim whose holder is gone (an MCP session that
ended, a daemon killed with -9) is taken back first, and said; one a live process holds is not.
Nothing waiting is not an error; a chosen ID that is not waiting is (exit 1, saying where it is). A body (or context) longer than 512 KiB is shown
cut, with a line saying how many bytes were left out and that 'dispatch show ID --full' prints it
whole; --json cuts untrusted.body the same way and says so in cut and note.`;

export const claimCommand = defineCommand({
  name: 'claim',
  summary: 'take a message of @RECEIVER (the oldest, or a chosen one) to answer it by hand',
  usage: USAGE,
  options: { ...ROOT_OPTION },
  positionals: { names: ['@RECEIVER', 'ID'], min: 1 },
  run: givenIdRun(1, async (ctx) => {
    const receiver = nameArg(ctx.positionals[0], 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const id = ctx.positionals[1] === undefined ? undefined : messageIdOnBus(ctx.io, root, ctx.positionals[1], receiver);
    requireBus(root, ctx.values.root);
    // One call per process: its sweep goes on past the first batch (the MCP server's sweeps on over its calls).
    const r = await claimMessage(root, receiver, { ...(id === undefined ? {} : { id }), sweepBatches: LONE_SWEEP_BATCHES });
    const sweep =
      r.sweepStopped !== undefined
        ? sweepStoppedNote(displayName(receiver), r.sweepStopped)
        : r.sweptPart === undefined
          ? undefined
          : sweepPartialNote(displayName(receiver), r.sweptPart);
    const sweepJson = sweep === undefined ? {} : { sweep_partial: true };
    if (sweep && !ctx.json) ctx.warn(sweep);
    const tookBack = tookBackJson(r.tookBack);
    if (!ctx.json) for (const l of tookBackLines(r.tookBack)) ctx.print(l);
    // The reason can quote the file: under untrusted, as the MCP claim tool gives it.
    // Named up to DEAD_LETTERED_SHOWN, the rest counted: any bus writer can plant thousands of unreadable files.
    const named = r.deadLettered.slice(0, DEAD_LETTERED_SHOWN);
    const deadLettered = {
      dead_lettered: named.map((d) => ({ ...idField('id', d.id), code: deadLetterCode(d.code), untrusted: { reason: d.reason } })),
      ...(r.deadLettered.length > DEAD_LETTERED_SHOWN ? { dead_lettered_total: r.deadLettered.length } : {}),
    };
    // The id may be the file's own name, any writer's words: named only when it has none ('dispatch dead-letter' lists it fenced).
    // The reason can quote the file (a From header, an error naming its path): fenced after our line.
    for (const d of named) {
      const as = isWordlessId(d.id) ? ` as msg-${d.id}` : ` (see 'dispatch dead-letter ${displayName(receiver)}')`;
      ctx.warn(`moved a file to dead-letter${as} (code ${deadLetterCode(d.code)}; its reason in the fence below)`);
      for (const l of fencedLines('UNTRUSTED REASON', d.reason)) ctx.io.stderr.write(`${l}\n`);
    }
    const rest = r.deadLettered.length - named.length;
    if (rest > 0) {
      ctx.warn(`moved ${counted(rest, 'other file')} to dead-letter (${r.deadLettered.length} in all; see 'dispatch dead-letter ${displayName(receiver)}')`);
    }
    if (!r.claimed) {
      if (id !== undefined) {
        // Another live process holds it (a daemon's agent, an MCP session): busy, as reply and the MCP claim say it.
        const held = r.where.find((m) => m.state === 'claimed' && m.claim !== null);
        const holder = held?.claim ? otherLiveHolder(held.claim.owner, 'hand', undefined, held.path) : undefined;
        if (holder !== undefined) {
          const busy = heldRefusal(id, receiver, holder, Date.parse(held!.claim!.leaseExpiresAt), 'claim');
          throw new AliveError(busy.message, {
            code: 'busy',
            fields: { claimed: false, receiver: displayName(receiver), ...idField('id', id), ...busy.fields, ...deadLettered, ...tookBack, ...sweepJson },
          });
        }
        const refusal = claimRefusal(root, id, receiver, r, r.deadLettered.find((d) => d.id === id)?.code);
        throw new AliveError(refusal.message, {
          code: 'not_found',
          fields: {
            claimed: false,
            receiver: displayName(receiver),
            ...idField('id', id),
            ...deadLettered,
            ...tookBack,
            ...sweepJson,
            ...findUnlistedJson(refusal.seen, [sweep]),
          },
        });
      }
      const unknown = unknownReceiver(root, receiver);
      const note = r.unlisted ? claimUnlistedNote(displayName(receiver), false) : undefined;
      if (ctx.json) {
        ctx.printJson({
          ok: true,
          claimed: false,
          receiver: displayName(receiver),
          ...unknownReceiverJson(unknown),
          ...unlistedField(r.unlisted),
          ...sweepJson,
          ...noteJson([note, sweep]),
          ...deadLettered,
          ...tookBack,
        });
      } else if (note) ctx.print(`no message claimed for ${displayName(receiver)}: ${note}`);
      else {
        ctx.print(`no messages waiting for ${displayName(receiver)}${unknown ? `: ${unknown.text}` : ''}`);
        for (const l of unknown?.similar?.lines ?? []) ctx.print(l);
      }
      return;
    }
    const m = r.message;
    // At most BODY_BYTES of the body (and context): a message may be as long as max_bytes allows.
    const shown = shownMessage(m.untrusted);
    const u = shown.untrusted;
    if (ctx.json) {
      ctx.printJson({
        ok: true,
        claimed: true,
        receiver: displayName(receiver),
        // Its id (a file name) and its file are a bus writer's words unless the bus made the id; the claim's owner tag is ours (hand).
        ...idField('id', m.id),
        kind: m.kind,
        ...pathField('file', m.path, isWordlessId(m.id)),
        lease_expires_at: m.leaseExpiresAt,
        ...(m.kind === 'response' ? { filed: true } : {}),
        ...tookOverJson(r.tookOver),
        ...deadLettered,
        ...tookBack,
        untrusted: untrustedJson({ ...u, thread: u.thread || m.id, turn: u.turn ?? 1 }),
        ...(shown.cut ? { cut: shown.cut } : {}),
        ...unlistedField(r.unlisted),
        ...sweepJson,
        ...noteJson([
          m.kind === 'response' ? filedAnswerText(m.id, receiver, 'its id is under untrusted_id') : undefined,
          shown.cut ? cutNote(m.id, shown.cut, 'untrusted.body', m.path) : undefined,
          r.unlisted ? claimUnlistedNote(displayName(receiver), true) : undefined,
          sweep,
        ]),
      });
      return;
    }
    if (r.unlisted) ctx.warn(claimUnlistedNote(displayName(receiver), true));
    if (r.tookOver) ctx.print(tookOverText(m.id, r.tookOver, 'its id is in the envelope below'));
    if (m.kind === 'response') ctx.print(filedAnswerText(m.id, receiver, 'its id is in the envelope below'));
    else ctx.print(`claimed ${idInOurWords(m.id, 'a message')} for ${displayName(receiver)} (lease until ${m.leaseExpiresAt})`);
    for (const line of envelopeLines(headerFields(m.id, { ...u, turn: u.turn ?? 1 }, u.thread || m.id))) ctx.print(line);
    for (const line of bodyLines(m.kind === 'response' ? 'ANSWER' : 'MESSAGE', u.body, u.context)) ctx.print(line);
    if (shown.cut) ctx.print(shownCutNote(m.id, shown.cut, m.path));
    if (m.kind === 'response') return;
    // Single quotes: an agent copies this form, and in double quotes the shell would run `$(…)` in its answer.
    ctx.print(
      `answer with: dispatch reply ${idArgument(m.id)} --as ${displayName(receiver)} -- 'TEXT' (in single quotes, a ' inside written '\\'', after -- so that a TEXT starting with - is no option; or - and the text on stdin)`,
    );
  }),
});
