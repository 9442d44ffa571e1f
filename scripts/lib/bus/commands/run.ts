import { existsSync, readFileSync } from 'node:fs';
import { defineCommand } from '../../cli/command.ts';
import { AliveError, errnoCode, messageOf } from '../../errors.ts';
import { evaluate, type Ask, type EvalResult } from '../../helloworld/evaluator.ts';
import { HelloWorldSyntaxError } from '../../helloworld/lexer.ts';
import { parseProgram } from '../../helloworld/parser.ts';
import { Registry } from '../../helloworld/vocabulary.ts';
import { sendMessage } from '../deliver.ts';
import { newMessageId } from '../ids.ts';
import { vocabularyWarning } from '../vocabulary-problems.ts';

import { displayName } from '../names.ts';
import { unlistedField, waitUnlistedNote, waitUnlistedSuffix } from '../list-bound.ts';
import { ANSWER_READ_BYTES, answerCutText, answerPlaceNames, closedText, shownAnswer, unreadableText, waitForResponse } from '../responses.ts';
import { join } from 'node:path';
import { fencedLines } from '../../text/fence.ts';
import { bodyLines, busRoot, localAnswerLines, newBusNote, requireBusOrCreate, ROOT_OPTION, secondsArg, senderArg } from './common.ts';
import { runtimesDir } from '../layout.ts';
import { terminalText } from '../../text/untrusted.ts';

const USAGE = `usage: dispatch run FILE.hw | - [--from @ME] [--wait SECONDS] [--create] [--json] [--root DIR]

Evaluates a HelloWorld program. Native receivers are answered locally; messages and symbol
lookups addressed to @claude, @copilot, @gemini or @codex go over the bus, in one thread, and
their answers are awaited up to --wait SECONDS each (default 60). Vocabularies come from the
built-in tree plus <root>/vocabularies/*.hw. Exit 1 when a statement got no answer. Where no
runtimes/ folder is found (from the current folder up, or in --root or $HELLOWORLD_ROOT), the
first statement addressed over the bus is refused (exit 1, no_bus) saying where it looked;
--create starts a new bus there, and says so on stderr.`;

export const runCommand = defineCommand({
  name: 'run',
  summary: 'evaluate a HelloWorld program; meta-receivers answer over the bus',
  usage: USAGE,
  options: { from: { type: 'string' }, wait: { type: 'string' }, create: { type: 'boolean' }, ...ROOT_OPTION },
  positionals: { names: ['FILE.hw'], min: 1 },
  async run(ctx) {
    const { values, positionals } = ctx;
    const file = positionals[0]!;
    const from = senderArg(values.from, USAGE);
    const waitMs = secondsArg(values.wait, '--wait') ?? 60_000;
    const root = busRoot(values.root);
    let source: string;
    try {
      source = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
    } catch (err) {
      throw new AliveError(`cannot read ${file}: ${errnoCode(err) === 'ENOENT' ? 'no such file' : messageOf(err)}`, { code: 'unreadable' });
    }
    let statements;
    try {
      statements = parseProgram(source, file === '-' ? '<stdin>' : file);
    } catch (err) {
      if (err instanceof HelloWorldSyntaxError) throw new AliveError(`syntax error at ${err.message}`, { code: 'syntax' });
      throw err;
    }
    const registry = Registry.withBuiltins();
    const vocabularies = join(root, 'vocabularies');
    const vocabularyProblems = vocabularyWarning(vocabularies, registry.loadDirectory(root, vocabularies));
    if (vocabularyProblems) {
      ctx.warn(vocabularyProblems.line);
      for (const l of vocabularyProblems.fenced) ctx.io.stderr.write(`${l}\n`);
    }

    const thread = newMessageId();
    let turn = 0;
    /** Dead-letter reasons by request id: the receiver's text, printed fenced after our line. */
    const deadReasons = new Map<string, string>();
    /** By request id: a time-out's note that the answer may be among names not listed (--json gives it as a field too). */
    const unlistedNotes = new Map<string, string>();
    // Checked at the first statement over the bus (a program answered here alone needs none): a
    // mistyped --root made a bus of its own, silently, and queued there.
    let busExisted: boolean | undefined;
    const ask: Ask = async (receiver, text, context) => {
      if (busExisted === undefined) {
        busExisted = existsSync(runtimesDir(root));
        if (values.create !== true) requireBusOrCreate(root, values.root);
      }
      turn++;
      const namesBefore = answerPlaceNames(root, receiver);
      const sent = await sendMessage({ root, to: receiver, from, body: text, context, thread, turn });
      const note = turn === 1 ? newBusNote(root, values.root, busExisted) : undefined;
      if (note) ctx.warn(note);
      // Text output shows the start of a long answer (responses.ts ANSWER_SHOWN_BYTES), and reads no more; --json gives it whole.
      const waited = await waitForResponse(
        root,
        sent.to,
        sent.id,
        waitMs,
        undefined,
        ctx.json ? { namesBefore } : { namesBefore, prefixBytes: ANSWER_READ_BYTES },
      );
      if (waited.ok) {
        if (ctx.json) return { ok: true, body: waited.value.message.body, messageId: sent.id };
        const shown = shownAnswer(waited.value);
        return { ok: true, body: shown.body, messageId: sent.id, ...(shown.cut ? { cut: shown.cut } : {}) };
      }
      if ('deadLettered' in waited) {
        deadReasons.set(sent.id, waited.deadLettered.reason);
        return {
          ok: false,
          reason: `${displayName(sent.to)} did not answer: ${waited.deadLettered.reason} (msg-${sent.id} is in its dead-letter)`,
          messageId: sent.id,
        };
      }
      if ('unreadableAnswer' in waited)
        return { ok: false, reason: unreadableText(displayName(sent.to), sent.id, waited.unreadableAnswer), messageId: sent.id };
      if ('closed' in waited) return { ok: false, reason: closedText(displayName(sent.to), sent.id), messageId: sent.id };
      if ('unlisted' in waited) unlistedNotes.set(sent.id, waitUnlistedNote(displayName(sent.to)));
      return {
        ok: false,
        reason: `no answer from ${displayName(sent.to)} within ${waitMs / 1000} s (msg-${sent.id} stays queued)${waitUnlistedSuffix(waited, displayName(sent.to))}`,
        messageId: sent.id,
      };
    };
    const results = await evaluate(statements, registry, ask);
    const visible = results.filter((r) => r.source.trim() !== '' && (r.output !== '' || !r.ok));
    const failed = visible.filter((r) => !r.ok).length;
    if (ctx.json) {
      const unlisted = (r: EvalResult) => (r.messageId ? unlistedNotes.get(r.messageId) : undefined);
      ctx.printJson({
        ok: failed === 0,
        thread,
        results: visible.map((r) => resultJson(r, r.messageId ? deadReasons.get(r.messageId) : undefined, unlisted(r))),
        ...unlistedField(visible.some((r) => unlisted(r) !== undefined)),
      });
    } else {
      for (const r of visible) {
        ctx.print(
          `${r.line}:${r.column} ${terminalText(r.source.split('\n')[0]!)}${r.via === 'bus' ? `  [via bus${r.messageId ? ` msg-${r.messageId}` : ''}]` : ''}`,
        );
        // An answer from the bus is the receiver's untrusted text: escaped and fenced (as send --wait).
        const deadReason = r.via === 'bus' && !r.ok && r.messageId ? deadReasons.get(r.messageId) : undefined;
        if (r.via === 'bus' && r.ok) {
          for (const l of bodyLines('ANSWER', r.output, null)) ctx.print(l);
          if (r.cut) ctx.print(`  ${answerCutText(r.cut)}`);
        } else if (deadReason !== undefined) {
          // The reason quotes the failing agent and lies where any bus writer can write: fenced too.
          ctx.print(
            `  error: ${r.receiver ? displayName(r.receiver.toLowerCase()) : 'the receiver'} did not answer: msg-${r.messageId} is in its dead-letter; its reason:`,
          );
          for (const l of fencedLines('UNTRUSTED REASON', deadReason)) ctx.print(l);
        } else if (r.via === 'local') {
          // Made from <root>/vocabularies/*.hw, which any bus writer can change: fenced too.
          for (const l of localAnswerLines(r.output, r.ok)) ctx.print(l);
        } else for (const l of r.output.split('\n')) ctx.print(`  error: ${terminalText(l)}`);
      }
    }
    return failed === 0 ? 0 : 1;
  },
});

/**
 * A result as --json gives it: what came over the bus (an answer, a dead letter's reason, which
 * quotes the failing agent) and what the vocabularies answered here (any bus writer can change
 * them: the text output fences both) under `untrusted`, as send --wait and the MCP tools give it;
 * a failure over the bus in our words under `error`.
 */
function resultJson(r: EvalResult, deadReason: string | undefined, unlistedNote: string | undefined): Record<string, unknown> {
  const { output, ...rest } = r;
  if (r.via !== 'bus') return { ...rest, untrusted: r.ok ? { answer: output } : { reason: output } };
  if (r.ok) return { ...rest, untrusted: { answer: output } };
  if (deadReason === undefined)
    return { ...rest, error: output, ...unlistedField(unlistedNote !== undefined), ...(unlistedNote ? { note: unlistedNote } : {}) };
  const who = r.receiver ? displayName(r.receiver.toLowerCase()) : 'the receiver';
  return { ...rest, error: `${who} did not answer: msg-${r.messageId} is in its dead-letter`, untrusted: { dead_letter_reason: deadReason } };
}
