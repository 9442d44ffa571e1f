import { printJson, printLine } from '../../cli/main.ts';
import { parseCommandArgs, requireFlag } from '../../cli/args.ts';
import { AliveError, UsageError } from '../../errors.ts';
import { claimById, completeClaim, deadLetterClaim, loadClaim, locateMessage } from '../claims.ts';
import { loadReceiverConfig } from '../config.ts';
import { parseMessageIdArg } from '../ids.ts';
import { receiverPaths } from '../layout.ts';
import { displayName } from '../names.ts';
import { budgetProblem, recordTurn } from '../threads.ts';
import { busRoot, nameArg, ROOT_OPTION, textArg } from './common.ts';

const USAGE = `usage: dispatch reply MESSAGE_ID "TEXT" --as @RECEIVER [--json] [--root DIR]

Answers a message of @RECEIVER (claimed with 'dispatch claim', or still in the inbox): TEXT ('-'
reads it from stdin) goes to runtimes/<receiver>/outbox/ in the message's thread, with
In-Reply-To naming the message, and the message moves to the archive.`;

export async function runReply(argv: string[]): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ as?: string; json?: boolean; root?: string }>(
    argv,
    { as: { type: 'string' }, json: { type: 'boolean' }, ...ROOT_OPTION },
    { usage: USAGE, positionals: { min: 2, max: 2 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const receiver = nameArg(requireFlag(values.as, '--as', USAGE), 'receiver', USAGE);
  const id = parseMessageIdArg(positionals[0]!);
  if (id === undefined) throw new UsageError(`'${positionals[0]!.slice(0, 80)}' is not a message id\n${USAGE}`);
  const text = textArg(positionals[1]!);
  if (text.trim() === '') throw new UsageError('the reply text is empty');
  const root = busRoot(values.root);
  const paths = receiverPaths(root, receiver);
  const config = await loadReceiverConfig(paths.config);

  let claim = loadClaim(root, receiver, id);
  if (!claim) {
    claim = await claimById(root, receiver, id, { owner: 'hand', leaseMs: config.claimLeaseMs });
  }
  if (!claim) {
    const where = locateMessage(paths, id);
    const why =
      where === 'archive'
        ? 'it was already answered (it is in the archive)'
        : where === 'dead-letter'
          ? `it is in dead-letter (see ${paths.deadLetter})`
          : `there is no such message for ${displayName(receiver)}; see 'dispatch inbox ${displayName(receiver)}'`;
    throw new AliveError(`cannot reply to ${id}: ${why}`, { code: 'not_found' });
  }
  const thread = claim.message.thread || claim.id;
  const over = budgetProblem(paths, thread, claim.message.turn, config.turnBudget);
  if (over) {
    deadLetterClaim(claim, over, 'turn_budget');
    throw new AliveError(`cannot reply to ${id}: ${over}; the message went to dead-letter`, { code: 'turn_budget' });
  }
  recordTurn(paths, thread, claim.id);
  const done = completeClaim(claim, { body: text });
  const resp = done.response!;
  if (values.json) {
    printJson({ ok: true, id: claim.id, response_id: resp.id, file: resp.path, thread: resp.thread, turn: resp.turn, receiver: displayName(receiver) });
  } else {
    printLine(`replied to ${claim.id} as ${displayName(receiver)} (response msg-${resp.id}, thread ${resp.thread})`);
  }
  return 0;
}
