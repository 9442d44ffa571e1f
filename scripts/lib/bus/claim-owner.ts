/**
 * Who holds a claim: the owner tag in a processing/ file's name (`[a-z0-9]+`, claims.ts). `hand`
 * (dispatch claim) names nobody in particular; a process writes its pid and hostTag(): a daemon
 * `p<pid>h<tag>`, a sweeper returning a claim `s<pid>h<tag>`, a reply taking a message from the
 * inbox to answer it at once `r<pid>h<tag>`, and an MCP server's claim tool
 * `m<pid>h<tag>x<8 hex digits>`, the hex digits its own, so that two servers of one process (or a
 * server and the one that had its pid before) tell their claims apart. `mcp` is the MCP claim
 * of earlier versions, which named no session.
 */
import { basename, dirname } from 'node:path';
import { secureRandomBytes } from '../crypto/random-bytes.ts';
import { fs } from '../fs/node-fs.ts';
import { hostTag } from '../proc/host-tag.ts';
import { dispatchAlive } from './serving.ts';

const PROCESS_OWNER = /^([psr])(\d{1,10})(?:h([a-z0-9]+))?$|^m(\d{1,10})h([a-z0-9]+)x[0-9a-f]{8}$/;

/** The claim owner of one MCP server: every claim its claim tool makes carries it. */
export function mcpSessionOwner(): string {
  return `m${process.pid}h${hostTag()}x${secureRandomBytes(4).toString('hex')}`;
}

/** The claim owner of a reply taking a message from the inbox: held only while the answer is stored. */
export function replyOwner(): string {
  return `r${process.pid}h${hostTag()}`;
}

/** A claim owner that is a process: which kind, its pid, and whether that pid is one of this machine (its tag is ours, or it has none). */
export interface ProcessHolder {
  kind: 'daemon' | 'sweeper' | 'reply' | 'session';
  pid: number;
  here: boolean;
}

const KINDS = { p: 'daemon', s: 'sweeper', r: 'reply' } as const;

/** The process an owner tag names with its host tag as written (none: this machine's), without hashing ours (hostTag). */
export function parseProcessOwner(owner: string): { kind: ProcessHolder['kind']; pid: number; tag: string | undefined } | undefined {
  const m = PROCESS_OWNER.exec(owner);
  if (!m) return undefined;
  if (m[1] !== undefined) return { kind: KINDS[m[1] as keyof typeof KINDS], pid: Number(m[2]), tag: m[3] };
  return { kind: 'session', pid: Number(m[4]), tag: m[5] };
}

/** A holder's kind in our words (whereText indexes it: goneHoldersText's lists are for status only, and every command bundle carries whereText). */
export const HOLDER_WORDS: Record<ProcessHolder['kind'], string> = { daemon: 'a daemon', sweeper: 'a sweep', reply: 'a reply', session: 'an MCP session' };

/** Who holds claims and is gone (goneClaimOwner's kinds, each once): `a daemon that is gone`, or `processes that are gone (a daemon, an MCP session)`. */
export function goneHoldersText(kinds: readonly ProcessHolder['kind'][]): string {
  const words = kinds.map((k) => HOLDER_WORDS[k]);
  return words[1] ? `processes that are gone (${words.join(', ')})` : `${words[0]} that is gone`;
}

/** The process an owner tag names, or undefined (`hand`, `mcp`, or a tag not of ours). */
export function processHolder(owner: string): ProcessHolder | undefined {
  const p = parseProcessOwner(owner);
  return p && { kind: p.kind, pid: p.pid, here: p.tag === undefined || p.tag === hostTag() };
}

/**
 * Whether a claim names no process: `hand` (dispatch claim, whose process exits at once) or `mcp`
 * (the MCP tools of earlier versions). Nothing tells one a session left from one a session still
 * answers, so such a claim is any by-hand caller's: a reply answers it, a claim of its id takes it over.
 */
export function isByHandOwner(owner: string): boolean {
  return owner === 'hand' || owner === 'mcp';
}

/**
 * Whether a claim's owner tag is one the bus writes: `hand` (dispatch claim), `mcp` (the MCP tools of
 * earlier versions), or a process's of this machine. A claim file's name is any writer's, and its
 * owner tag `[a-z0-9]+` can spell words: another tag was planted.
 */
export function isBusClaimOwner(owner: string): boolean {
  if (isByHandOwner(owner)) return true;
  const holder = processHolder(owner);
  return holder?.here === true;
}

/**
 * The claim files (paths in processing/) this process holds now: each added when it makes or renews
 * a claim (or a sweep's note while it returns one), removed when that claim ends (completed,
 * dead-lettered, returned, renamed, lost), or when another process ended it (forgetEndedHere). A
 * claim naming this process's pid that it did not make was renamed there by a bus writer, under a
 * tag read off a claim of ours or our process (an MCP server's pid held such a request for as long
 * as it ran: reply refused it, wait called it being answered). Never capped: its size is this
 * process's own claims, and a cap let a flood of planted claims (each returned by our sweep, each
 * noted a moment) push our own live claims out, to be taken back and handed out a second time.
 */
const heldHere = new Set<string>();

/** Notes a claim file this process made (`path`, in processing/), in place of `previous` (a renewal's). */
export function noteHeldHere(path: string, previous?: string): void {
  if (previous !== undefined) heldHere.delete(previous);
  heldHere.add(path);
}

/** Forgets a claim file of this process (`path`): it left processing/ under that name. */
export function forgetHeldHere(path: string): void {
  heldHere.delete(path);
}

/**
 * Forgets the claims in processing/ folder `dir` that this process noted and whose file is gone:
 * another process ended them (a sweep on a machine whose clock is ahead, a reply past the lease, a
 * bus writer). Called where this process looks at that folder (claims.ts), before the claims listed
 * are judged. Kept, the same name planted again was this process's until its deadline (reply
 * refused it, wait called it being answered, no sweep took it back), and a long-running serve or
 * MCP server kept every such name.
 */
export function forgetEndedHere(dir: string): void {
  for (const path of heldHere) {
    if (dirname(path) !== dir) continue;
    try {
      fs.lstatSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') heldHere.delete(path);
    }
  }
}

/** Whether `pid` runs as a claim holder of `kind` (claim-owner tags), for a claim of `receiver` (a folder name). */
export type HolderAlive = (pid: number, kind?: ProcessHolder['kind'], receiver?: string, root?: string) => boolean;

/**
 * A holder as its tag's kind says it is (serving.ts dispatchAlive): a daemon is a `serve` of the
 * claim's receiver, a session an MCP server, a reply or a sweep any dispatch process. A tag is any
 * bus writer's: one naming a live `serve @gemini` held a request of @codex for days, reply refused
 * it (a review of 2026-12-07). This process is judged by the claims it made (holderAlive).
 */
export const holderProcessAlive: HolderAlive = (pid, kind, receiver, root) => {
  if (pid === process.pid || kind === undefined || kind === 'reply' || kind === 'sweeper') return dispatchAlive(pid, undefined, undefined, root);
  return kind === 'daemon' ? dispatchAlive(pid, 'serve', receiver, root) : dispatchAlive(pid, 'mcp', undefined, root);
};

/** The receiver (its folder's name) of the claim file at `claimPath`: <root>/runtimes/<receiver>/processing/<file>. */
const receiverOfClaim = (claimPath: string | undefined) => (claimPath === undefined ? undefined : basename(dirname(dirname(claimPath))));
/** The bus root of the claim file at `claimPath`: a holder serving another bus holds none of its claims. */
const rootOfClaim = (claimPath: string | undefined) => (claimPath === undefined ? undefined : dirname(dirname(dirname(dirname(claimPath)))));

/**
 * Whether the holder `pid` of claim file `claimPath` may still be at work: alive by `isAlive` as its
 * `kind`, and, when it is this process, only when it made that file (a claim named by no file:
 * `isAlive` alone).
 */
export function holderAlive(pid: number, claimPath: string | undefined, isAlive: HolderAlive, kind?: ProcessHolder['kind']): boolean {
  return isAlive(pid, kind, receiverOfClaim(claimPath), rootOfClaim(claimPath)) && (pid !== process.pid || claimPath === undefined || heldHere.has(claimPath));
}

/**
 * The process other than `self` that holds a claim and may still finish it: alive on this machine,
 * or on another (its pid says nothing here). Undefined when the claim may be taken over: its own,
 * one by hand or of an earlier MCP server (they name nobody), or one whose process is gone.
 * `claimPath`: the claim file's path (holderAlive).
 */
export function otherLiveHolder(owner: string, self: string, isAlive: HolderAlive = holderProcessAlive, claimPath?: string): ProcessHolder | undefined {
  if (owner === self) return undefined;
  const holder = processHolder(owner);
  if (holder === undefined || (holder.here && !holderAlive(holder.pid, claimPath, isAlive, holder.kind))) return undefined;
  return holder;
}
