import { printJson, printLine } from '../../cli/main.ts';
import { parseCommandArgs, requireFlag } from '../../cli/args.ts';
import { UsageError } from '../../errors.ts';
import { answerMessage } from '../answer.ts';
import { parseMessageIdArg } from '../ids.ts';
import { displayName } from '../names.ts';
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
  const done = await answerMessage(busRoot(values.root), receiver, id, text);
  const resp = { id: done.responseId, path: done.path, thread: done.thread, turn: done.turn };
  const claim = { id: done.id };
  if (values.json) {
    printJson({ ok: true, id: claim.id, response_id: resp.id, file: resp.path, thread: resp.thread, turn: resp.turn, receiver: displayName(receiver) });
  } else {
    printLine(`replied to ${claim.id} as ${displayName(receiver)} (response msg-${resp.id}, thread ${resp.thread})`);
  }
  return 0;
}
