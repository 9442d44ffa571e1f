import { closeSync, fstatSync, openSync, readSync, constants as fsc } from 'node:fs';
import { printJson, printLine } from '../../cli/main.ts';
import { parseCommandArgs } from '../../cli/args.ts';
import { listClaims, listInbox } from '../claims.ts';
import { receiverPaths } from '../layout.ts';
import { decodeUtf8, parseMessage } from '../message.ts';
import { displayName } from '../names.ts';
import { busRoot, nameArg, ROOT_OPTION } from './common.ts';
import { summaryLine, terminalText } from '../../text/untrusted.ts';

const USAGE = `usage: dispatch inbox @RECEIVER [--json] [--root DIR]

Lists the messages waiting for @RECEIVER, oldest first, without consuming them.`;

const PEEK_BYTES = 64 * 1024;

export async function runInbox(argv: string[]): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ json?: boolean; root?: string }>(
    argv,
    { json: { type: 'boolean' }, ...ROOT_OPTION },
    { usage: USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const receiver = nameArg(positionals[0], 'receiver', USAGE);
  const root = busRoot(values.root);
  const paths = receiverPaths(root, receiver);
  const messages = listInbox(paths).map((e) => {
    const base = { id: e.id, file: e.path };
    if (!e.regular) return { ...base, problem: 'not a regular file' };
    let head: Buffer;
    let size: number;
    try {
      ({ head, size } = readHead(e.path));
    } catch {
      return { ...base, problem: 'gone (claimed meanwhile)' };
    }
    const text = decodeUtf8(head);
    // A multi-byte character cut at the end of the peek window is not a reason to complain.
    if (text === undefined && size <= PEEK_BYTES) return { ...base, bytes: size, problem: 'not valid UTF-8' };
    const m = parseMessage(text ?? head.toString('utf8'));
    return {
      ...base,
      bytes: size,
      from: m.from ?? null,
      thread: m.thread ?? null,
      turn: m.turn ?? null,
      timestamp: m.timestamp ?? null,
      summary: summaryLine(m.body),
      ...(m.flags.length ? { flags: m.flags } : {}),
    };
  });
  const processing = listClaims(paths).length;
  if (values.json) {
    printJson({ receiver: displayName(receiver), root, count: messages.length, processing, messages });
    return 0;
  }
  if (messages.length === 0) {
    printLine(`no messages waiting for ${displayName(receiver)}${processing ? ` (${processing} being handled)` : ''}`);
    return 0;
  }
  printLine(`${messages.length} message(s) waiting for ${displayName(receiver)}${processing ? `, ${processing} being handled` : ''}:`);
  for (const m of messages) {
    if ('problem' in m && m.problem) printLine(`  ${m.id}  (${m.problem})`);
    else if ('summary' in m) printLine(`  ${m.id}  from ${terminalText(m.from ?? '(anonymous)')}  ${terminalText(m.timestamp ?? '')}  ${m.summary}`);
  }
  return 0;
}

/** The first PEEK_BYTES of a message file and its size; never reads a huge file whole. */
function readHead(path: string): { head: Buffer; size: number } {
  const fd = openSync(path, fsc.O_RDONLY | fsc.O_NOFOLLOW | fsc.O_NONBLOCK);
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(size, PEEK_BYTES));
    let off = 0;
    while (off < head.length) {
      const n = readSync(fd, head, off, head.length - off, off);
      if (n === 0) break;
      off += n;
    }
    return { head: head.subarray(0, off), size };
  } finally {
    closeSync(fd);
  }
}
