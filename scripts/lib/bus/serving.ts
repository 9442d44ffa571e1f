/**
 * Whether a daemon serves a receiver, from its daemon.json (which `dispatch serve` writes while it
 * runs): for `status`, and for the words of a wait that ran out.
 */
import { readBusJson } from './fsutil.ts';
import { receiverPaths } from './layout.ts';
import { processAlive } from '../proc/alive.ts';
import { fs } from '../fs/node-fs.ts';
import { idArgument } from './ids.ts';
import { resolveBusRoot } from './root.ts';
import { resolve } from 'node:path';

export interface DaemonRecord {
  pid: number;
  /** The record's agent (serve writes its program's name): any bus writer's text (status fences it). */
  agent: string;
  alive: boolean;
}

/** The largest process id a system gives (Linux: 2^22; 2^31 - 1 bounds every system). */
const PID_MAX = 2 ** 31 - 1;

/**
 * True when `pid` is a running dispatch process (`subcommand`: after its entry, as `serve`): alive,
 * and, where /proc shows a command line, a dispatch entry (dispatch.mjs, dispatch-mcp.mjs, the
 * dispatch bin, dispatch.ts). A pid in a bus file (daemon.json, a claim's owner tag) is any bus
 * writer's: one naming pid 1 (alive for ever) kept every real daemon from registering, and status
 * said "served" with none running; a claim tagged p1 was "held by the daemon serving @claude" until
 * the year its name gave, and reply refused it. `receiver` (a folder name): one of the words after
 * the subcommand names it (`serve @gemini`): a record naming another receiver's daemon made status
 * call @codex served. Its first word that is no option nor an option's value (firstOperand).
 */
export function dispatchAlive(pid: number, subcommand?: string, receiver?: string, root?: string): boolean {
  const names = (args: string[], from: number) =>
    receiver === undefined || firstOperand(args.slice(from))?.replace(/^@/, '').toLowerCase() === receiver.toLowerCase();
  // This process: a dispatch process, and a `serve` only when it is one (a daemon.json planted with
  // the MCP server's pid made it "a daemon serves @R" for as long as it ran).
  if (pid === process.pid) {
    const args = process.argv.slice(2);
    return subcommand === undefined || (args.includes(subcommand) && names(args, args.indexOf(subcommand) + 1));
  }
  if (!processAlive(pid)) return false;
  let cmdline: string;
  try {
    cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'latin1');
  } catch {
    return true; // no /proc (macOS), or not readable: alive is all that can be told
  }
  // `serve` after a dispatch entry (node …/dispatch.mjs serve, the dispatch bin): `npx serve`,
  // `hugo serve` or `sleep 120 serve` are no daemons of ours.
  const args = cmdline.split('\0');
  const entry = args.findIndex((a) => /(?:^|\/)dispatch(?:-mcp)?(?:\.mjs|\.ts)?$/.test(a));
  if (entry < 0) return false;
  if (root !== undefined && !servesRoot(pid, args.slice(entry + 1), root)) return false;
  if (subcommand === undefined) return true;
  // The MCP server's own entry is its subcommand.
  if (subcommand === 'mcp' && /dispatch-mcp(?:\.mjs|\.ts)?$/.test(args[entry]!)) return true;
  const at = args.indexOf(subcommand, entry + 1);
  return at > entry && names(args, at + 1);
}

/**
 * False when dispatch process `pid` (its arguments after the entry: `args`) serves a bus other than
 * `root`: the root it resolved (its --root, else its HELLOWORLD_ROOT, else the bus found up from its
 * folder: root.ts resolveBusRoot) from /proc. A record naming a live `serve @claude` of the user's
 * other bus made status call @claude served here, and a claim tagged with it held. True where that
 * cannot be read (another user's process): alive is all that can be told.
 */
function servesRoot(pid: number, args: readonly string[], root: string): boolean {
  let cwd: string;
  let environ: string;
  try {
    cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    environ = fs.readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch {
    return true;
  }
  const env: NodeJS.ProcessEnv = {};
  for (const entry of environ.split('\0')) {
    const eq = entry.indexOf('=');
    if (eq > 0 && entry.slice(0, eq) === 'HELLOWORLD_ROOT') env.HELLOWORLD_ROOT = entry.slice(eq + 1);
  }
  return sameFolder(resolveBusRoot(rootFlag(args), cwd, env), root);
}

/** The value of the last --root (or --root=) before `--` in `args`, as parseArgs takes it. */
function rootFlag(args: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--root') value = args[++i];
    else if (a.startsWith('--root=')) value = a.slice('--root='.length);
  }
  return value;
}

function sameFolder(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return fs.realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** `serve`'s options that take a value (commands/serve.ts): their values are no receiver. */
const SERVE_VALUE_OPTIONS = new Set([
  '--agent',
  '--concurrency',
  '--workdir',
  '--agent-env',
  '--turn-budget',
  '--max-failures',
  '--agent-timeout',
  '--max-bytes',
  '--root',
]);

/**
 * The first word of `args` that is no option nor an option's value: a serve's receiver (`serve
 * --agent codex @gemini` serves @gemini, not @codex, as a second review of 2026-12-07 found it read).
 */
function firstOperand(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') return args[i + 1];
    if (!a.startsWith('-')) return a;
    if (SERVE_VALUE_OPTIONS.has(a)) i++;
  }
  return undefined;
}

/** True when `pid` is a running `dispatch serve` of `receiver` (a folder name) in the bus at `root` (dispatchAlive). */
export function daemonAlive(pid: number, receiver: string, root: string): boolean {
  return dispatchAlive(pid, 'serve', receiver, root);
}

/** A daemon.json's content as the record of `receiver`'s daemon (a folder name) in the bus at `root`, or null when it names no pid. */
export function daemonRecord(raw: unknown, receiver: string, root: string): DaemonRecord | null {
  const d = (raw ?? {}) as { pid?: unknown; agent?: unknown };
  if (typeof d.pid !== 'number' || !Number.isInteger(d.pid) || d.pid <= 0 || d.pid > PID_MAX) return null;
  return { pid: d.pid, agent: typeof d.agent === 'string' ? d.agent : '?', alive: daemonAlive(d.pid, receiver, root) };
}

/** The daemon record of `receiver` (a folder name), or null without one (or one not readable). */
export function receiverDaemon(root: string, receiver: string): DaemonRecord | null {
  try {
    return daemonRecord(readBusJson(root, receiverPaths(root, receiver).daemon), receiver, root);
  } catch {
    return null; // a linked folder: no record of ours
  }
}

/**
 * Who should be answering, for a wait that ran out while the request waits: a live daemon (it is
 * slow or busy), a daemon that is gone, or none. `named` is how to name the receiver in our words
 * (its display name when the user typed it or every bus has it, else a phrase). `how`: in the
 * commands' words, or the MCP tools' (an agent with the tools answers with claim and reply; serve,
 * a command that runs a paid agent for each message, is the user's to start in a terminal).
 */
export function servingText(root: string, receiver: string, named: string | undefined, id?: string, how: 'cli' | 'tool' = 'cli'): string {
  const d = receiverDaemon(root, receiver);
  const shows = how === 'tool' ? `show {"id": ${JSON.stringify(idArgument(id ?? ''))}} names it, under untrusted_receiver` : `'dispatch show ${id}' names it`;
  const serve = named === undefined ? `a 'dispatch serve' of its receiver${id ? ` (${shows})` : ''}` : `'dispatch serve ${named}'`;
  const whom = named ?? 'its receiver';
  if (d?.alive) return `a daemon serves ${whom} (pid ${d.pid}) and has not answered yet`;
  if (how === 'tool') {
    const answers = `${answeredBy(whom)}, or a daemon does once the user starts ${serve}${d ? ' again' : ''} in a terminal (it runs ${whom}'s agent for each message)`;
    return `${d ? `the daemon of ${whom} is gone (pid ${d.pid})` : `no daemon serves ${whom}`}: ${answers}`;
  }
  if (d) return `the daemon of ${whom} is gone (pid ${d.pid}); start ${serve}`;
  return `no daemon serves ${whom}; start ${serve}, or answer by hand`;
}

/** Who answers a message no daemon serves, in the tools' words. */
function answeredBy(whom: string): string {
  return `${whom}'s agent answers it with the claim and reply tools (or 'dispatch reply')`;
}

/** What a send says of a message from its receiver to itself, in place of unservedNote (serve archives it unanswered). */
export function toItselfNote(named: string): string {
  return `this message is from ${named} to ${named}: a daemon serving ${named} archives it unanswered (a message to itself needs no answer); send it from another name to have it answered`;
}

/**
 * What a send without --wait says when no live daemon serves its receiver (`named`, as the user
 * typed it), so that a message nobody will take is not a surprise; undefined while one does.
 * `how`: as servingText.
 */
export function unservedNote(root: string, receiver: string, named: string, how: 'cli' | 'tool' = 'cli'): string | undefined {
  if (receiverDaemon(root, receiver)?.alive) return undefined;
  if (how === 'tool') {
    return `no daemon serves ${named} now: the message waits in its inbox until ${answeredBy(named)}, or until the user starts 'dispatch serve ${named}' in a terminal (a daemon that runs ${named}'s agent for each message)`;
  }
  return `no daemon serves ${named} now: the message waits in its inbox until 'dispatch serve ${named}' runs or someone answers by hand`;
}
