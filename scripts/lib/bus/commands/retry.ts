import { defineCommand, type CommandContext } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { counted } from '../../text/plural.ts';
import { idInOurWords, isWordlessId } from '../ids.ts';
import { idField, pathField } from '../json-fields.ts';
import { displayName } from '../names.ts';
import { retryAllDeadLetters, retryDeadLetter, type RetryAllResult, type RetryResult } from '../query.ts';
import { busRoot, envelopeLines, givenIdRun, messageIdOnBus, nameArg, receiverField, ROOT_OPTION, requireBus, turnBudgetAdvice } from './common.ts';
import { unknownReceiver, unknownReceiverJson } from '../receivers.ts';

const USAGE = `usage: dispatch retry ID [--receiver @NAME] [--json] [--root DIR]
       dispatch retry @RECEIVER --all [--json] [--root DIR]

Puts dead letter ID back into its receiver's inbox, to be handled again as new (after fixing what
made it fail: the agent, the config, the turn budget). When the inbox already holds a message of
that name, it goes back under a fresh id, which is printed. --receiver says whose dead letter it
is when several receivers have one with that id. --all puts every dead letter of @RECEIVER back
('dispatch dead-letter @RECEIVER' lists them); one that cannot go back stays, named (exit 1).`;

export const retryCommand = defineCommand({
  name: 'retry',
  summary: 'put a dead letter back into its inbox',
  usage: USAGE,
  options: { receiver: { type: 'string' }, all: { type: 'boolean' }, ...ROOT_OPTION },
  positionals: { names: ['ID'], min: 1 },
  run: givenIdRun(0, async (ctx) => {
    if (ctx.values.all === true) {
      if (ctx.values.receiver !== undefined) ctx.usageError('--all takes the receiver as its argument: dispatch retry @RECEIVER --all');
      const receiver = nameArg(ctx.positionals[0], 'receiver', USAGE);
      const root = busRoot(ctx.values.root);
      requireBus(root, ctx.values.root);
      retryAll(ctx, receiver, root);
      return;
    }
    if (ctx.positionals[0]!.startsWith('@')) {
      const named = displayName(nameArg(ctx.positionals[0], 'receiver', USAGE));
      ctx.usageError(`retry takes a message id; to put every dead letter of ${named} back: dispatch retry ${named} --all`);
    }
    const receiver = ctx.values.receiver === undefined ? undefined : nameArg(ctx.values.receiver, 'receiver', USAGE);
    const root = busRoot(ctx.values.root);
    const id = messageIdOnBus(ctx.io, root, ctx.positionals[0]!, receiver);
    requireBus(root, ctx.values.root);
    const r = retryDeadLetter(root, id, receiver === undefined ? {} : { receiver });
    // Found by listing runtimes/ unless --receiver named it: then a folder name a bus writer chose.
    const whose = r.receiver === receiver ? `${displayName(r.receiver)}'s` : "its receiver's";
    // Back for a thread past its turn budget, it goes straight to dead-letter again unless the budget was raised.
    const warning = r.code === 'turn_budget' ? turnBudgetAdvice(r.receiver === receiver ? displayName(r.receiver) : undefined, 'cli', true) : undefined;
    if (ctx.json) {
      ctx.printJson({ ok: true, ...retriedJson(r), receiver: displayName(r.receiver), ...(warning ? { warning } : {}) });
      return;
    }
    if (warning) ctx.warn(warning);
    ctx.print(
      r.previousId === null
        ? `${idInOurWords(r.id, 'the message')} is back in ${whose} inbox`
        : `${idInOurWords(r.previousId, 'the message')} is back in ${whose} inbox as msg-${r.id} (the old name was taken there)`,
    );
    if (r.receiver !== receiver) for (const line of envelopeLines([['id', r.id], receiverField(r.receiver)])) ctx.print(line);
  }),
});

/** A dead letter put back, for --json: its ids and file under `untrusted_` keys unless the bus made them (json-fields.ts). */
function retriedJson(r: Omit<RetryResult, 'code'>) {
  return {
    ...idField('id', r.id),
    ...(r.previousId === null ? { previous_id: null } : idField('previous_id', r.previousId)),
    ...pathField('file', r.path, isWordlessId(r.id)),
  };
}

/** A dead letter that stayed, for --json: its refusal quotes its id, so it is untrusted when the id is (`untrusted_message`). */
function failedJson(f: RetryAllResult['failed'][number]) {
  return { ...idField('id', f.id), code: f.code, ...(isWordlessId(f.id) ? { message: f.message } : { message: null, untrusted_message: f.message }) };
}

/** `retry @R --all`: each dead letter named by its id only when the bus made it (another id can spell words). */
function retryAll(ctx: CommandContext<unknown>, receiver: string, root: string): void {
  const r = retryAllDeadLetters(root, receiver);
  const who = displayName(receiver);
  const retried = r.retried.map(retriedJson);
  const warning = pastBudgetWarning(r.retried, who);
  if (r.failed.length > 0) {
    if (!ctx.json && warning) ctx.warn(warning);
    if (!ctx.json) printRetried(ctx, r.retried, who);
    for (const f of r.failed) if (!ctx.json) ctx.print(`${idInOurWords(f.id, 'a dead letter whose id is not bus-made')} stays in dead-letter (${f.code})`);
    throw new AliveError(
      `${counted(r.failed.length, 'dead letter')} of ${who} could not go back (${r.failed[0]!.code}): see 'dispatch dead-letter ${who}', fix or remove them, and retry`,
      { code: r.failed[0]!.code, fields: { receiver: who, ...(warning ? { warning } : {}), retried, failed: r.failed.map(failedJson) } },
    );
  }
  // A receiver nobody has (`@gemni`): said, with the name like it, as inbox and claim say it.
  const unknown = retried.length === 0 ? unknownReceiver(root, receiver) : undefined;
  if (ctx.json) {
    ctx.printJson({ ok: true, receiver: who, count: retried.length, ...unknownReceiverJson(unknown), ...(warning ? { warning } : {}), retried, failed: [] });
    return;
  }
  if (warning) ctx.warn(warning);
  if (r.retried.length === 0) {
    ctx.print(`nothing in ${who}'s dead-letter${unknown ? `: ${unknown.text}` : ''}`);
    for (const l of unknown?.similar?.lines ?? []) ctx.print(l);
  } else printRetried(ctx, r.retried, who);
}

/** What `--all` says once when some of what it put back went to dead-letter for a thread's turn budget: they go there again. */
function pastBudgetWarning(retried: readonly RetryResult[], who: string): string | undefined {
  const n = retried.filter((m) => m.code === 'turn_budget').length;
  if (n === 0) return undefined;
  const which = `${n === 1 ? 'one of them was a dead letter' : `${n} of them were dead letters`} for their thread's turn budget (code turn_budget)`;
  return `${which}: ${turnBudgetAdvice(who, 'cli', true)}`;
}

function printRetried(ctx: CommandContext<unknown>, retried: ReturnType<typeof retryAllDeadLetters>['retried'], who: string): void {
  if (retried.length === 0) return;
  ctx.print(`${counted(retried.length, 'dead letter')} of ${who} back in its inbox:`);
  for (const m of retried) {
    ctx.print(
      m.previousId === null
        ? `  ${idInOurWords(m.id, `a message whose id is not bus-made ('dispatch inbox ${who}' lists it)`)}`
        : `  ${idInOurWords(m.previousId, 'a message whose id is not bus-made')} as msg-${m.id} (the old name was taken there)`,
    );
  }
}
