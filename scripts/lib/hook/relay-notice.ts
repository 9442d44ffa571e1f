/**
 * The relay's SessionStart notice (cli.md section 6): packages waiting in the user's relay inbox,
 * packages pull saved and verified that none of the user's worlds has received, or peers who newly
 * accepted an invitation.
 *
 * - Silent when no relay is configured (one stat call; the hook input is not even read) and
 *   outside a world (a few more).
 * - The probe runs at most every 10 minutes, counted from the later of the probe's last sync and
 *   relay-check's last attempt (so a probe that keeps timing out is not retried on every session
 *   start). A time in the future, beyond a minute of clock skew, counts as no time at all, so a bad
 *   clock cannot suppress probing forever.
 * - Waiting packages are announced whenever the state says so, fresh or not: they are still
 *   waiting; only probing is rate-limited. A newly accepted peer is announced once per probe
 *   result.
 */
import { fs } from '../fs/node-fs.ts';
import { join } from 'node:path';
import { relayDir } from '../home.ts';
import { findWorldRoot } from '../world/root.ts';
import type { NoticeContext } from './notices.ts';
import { runProbe } from './probe.ts';
import { counted, noun } from '../text/plural.ts';
import { countUnverifiedSaved, UNVERIFIED_DIR } from '../relay/unverified-saved.ts';
import { countPulledUnreceived } from '../relay/pulled-unreceived.ts';
import {
  readCheckMemory,
  readNoticeState,
  readPinnedPeers,
  serializeCheckMemory,
  splitFolders,
  splitPending,
  type CheckMemory,
  type PendingSplit,
  type RelayNoticeState,
} from './relay-state.ts';

export const PROBE_INTERVAL_MS = 10 * 60 * 1000;
const CLOCK_SKEW_MS = 60 * 1000;

/** A past time (or one within the skew allowance), else undefined. */
function credible(time: number | undefined, now: number): number | undefined {
  return time !== undefined && time <= now + CLOCK_SKEW_MS ? time : undefined;
}

export function probeIsDue(state: RelayNoticeState | undefined, memory: CheckMemory, now: number): boolean {
  const times = [credible(state?.lastSync, now), credible(memory.lastAttempt, now)].filter((t): t is number => t !== undefined);
  if (times.length === 0) return true;
  const last = Math.max(...times);
  // A relay command ran here after the last probe (or attempt): what the state says may be stale.
  const action = credible(state?.lastAction, now);
  if (action !== undefined && action >= last) return true;
  return now - last >= PROBE_INTERVAL_MS;
}

/** What earlier pulls saved unverified, told apart by folder, and where (`folders`: inbox/ under the relay folder). */
export interface SavedNotice extends PendingSplit {
  folders: string;
  /** False when the count stopped at SAVED_FOLDERS_SCANNED folders: there may be more. */
  complete: boolean;
}

/** Inbox folders the hook looks into for unverified packages: a relay writer can make one per package. */
export const SAVED_FOLDERS_SCANNED = 500;

/**
 * Packages pull saved under inbox/<folder>/unverified/: pull reported them once; the notice reminds
 * of them while they are there, never offering to import them (they are unauthenticated).
 */
function savedText(saved: SavedNotice): string {
  const n = saved.peers + saved.others;
  const where = [
    ...(saved.byPeer.length > 0 ? [`${saved.peers} in ${peerFolders(saved.byPeer, false)}`] : []),
    ...(saved.others > 0 ? [`${saved.others} in folders that are not a pinned peer's`] : []),
  ].join(', ');
  return (
    `ALIVE relay: ${saved.complete ? '' : 'at least '}${counted(n, 'package')} that earlier pulls could not verify ${noun(n, 'is', 'are')} kept under ` +
    `${join(saved.folders, '<folder>', UNVERIFIED_DIR)}/ (${where}). Anyone who can write to the relay could have made ${noun(n, 'it', 'them')}: ` +
    `do not offer to import ${noun(n, 'it', 'them')}. Tell the user ${noun(n, 'it is', 'they are')} there: ` +
    '`alive-p2p info PATH` shows what one holds without importing it, and deleting its file discards one; import one only after ' +
    'the user confirmed it with its sender by another channel.'
  );
}

/** Saved files the hook looks at for verified packages no world of the user's has received (pulled-unreceived.ts). */
export const PULLED_FILES_CHECKED = 500;

/**
 * Pull took these off the relay, so only this says they wait. Their files' names are the relay
 * writer's: never listed. Those in a folder that is no longer a pinned peer's (a peer the user
 * removed since) are not offered: receive refuses them, no key being pinned for their signer.
 */
function pulledText(pulled: SavedNotice): string {
  const atLeast = pulled.complete ? '' : 'at least ';
  const looked = pulled.complete ? '' : ` (this notice looks at ${PULLED_FILES_CHECKED} files; \`alive-p2p relay status\` counts them all)`;
  const parts: string[] = [];
  const n = pulled.peers;
  if (n > 0)
    parts.push(
      `ALIVE relay: ${atLeast}${counted(n, 'walnut package')} that \`alive-p2p relay pull\` downloaded and verified ` +
        `${noun(n, 'waits', 'wait')} under ${join(pulled.folders, '<folder>')}/ (${peerFolders(pulled.byPeer)}) to be received${looked}. ` +
        `Tell the user, and offer to run /alive:receive to review and import ${noun(n, 'it', 'them')}; deleting a file discards one.`,
    );
  const o = pulled.others;
  if (o > 0)
    parts.push(
      `ALIVE relay: ${atLeast}${counted(o, 'walnut package')} that \`alive-p2p relay pull\` downloaded and verified ${noun(o, 'lies', 'lie')} under ` +
        `${join(pulled.folders, '<folder>')}/ in folders that are no longer a pinned peer's (a peer the user removed since): receive refuses ` +
        `${noun(o, 'it', 'them')}, no key being pinned for ${noun(o, 'its', 'their')} signer. Do not offer to import ${noun(o, 'it', 'them')}; ` +
        '`alive-p2p relay status` counts them, and deleting a file discards one.',
    );
  return parts.join('\n');
}

/** Peer folders named in the notice; the others are counted. */
const PEER_FOLDERS_NAMED = 3;

/**
 * Where the packages in pinned peers' folders wait, as the notice names them: `the folder of their
 * pinned peer Bob (2)`, `the folders of their pinned peers Bob (2), carol (1) and 2 more`.
 */
function peerFolders(byPeer: ReadonlyArray<readonly [string, number]>, withCounts = true): string {
  const named = byPeer.slice(0, PEER_FOLDERS_NAMED).map(([login, n]) => (withCounts ? `${login} (${n})` : login));
  const more = byPeer.length - named.length;
  const list = more > 0 ? `${named.join(', ')} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}` : named[0];
  return byPeer.length === 1 ? `the folder of their pinned peer ${list}` : `the folders of their pinned peers ${list}`;
}

/**
 * `pending.peers`: packages in pinned peers' folders, which pull checks against that peer's key,
 * offered for import. A folder is named by whoever writes to the relay (any collaborator can write
 * under inbox/<peer>/), and the signature lies inside the package, which the probe does not
 * download: so the notice says whose folder a package is in and that it is checked when pulled,
 * never that the peer sent it. `pending.others`: packages in any other folder (a removed peer's, a
 * sender never accepted), only counted and pointed at `relay status`, never offered: pull files
 * them under unverified/.
 */
export function formatRelayNotice(
  pending: Pick<PendingSplit, 'peers' | 'others'> & { byPeer?: PendingSplit['byPeer'] },
  accepted: readonly string[],
  ownKeyChanged = false,
  saved?: SavedNotice,
  notYourRelay?: RelayNoticeState['notYourRelay'],
  pulled?: SavedNotice,
  probeFailed = false,
): string | undefined {
  const parts: string[] = [];
  if (probeFailed) {
    parts.push(
      "ALIVE relay: the last check of the user's relay failed, so whether packages wait there is not known. " +
        'Tell the user; `alive-p2p relay status` says why and what to do.',
    );
  }
  if (ownKeyChanged) {
    parts.push(
      "ALIVE relay: WARNING: the key published in the user's relay is not the user's key: someone with write access to " +
        'the relay replaced it, and a peer who pins it would trust them. Tell the user now; they should run ' +
        '`alive-p2p relay setup` to publish their key again, check `alive-p2p relay status`, and ask their peers to compare fingerprints.',
    );
  }
  if (notYourRelay) parts.push(notYourRelayText(notYourRelay));
  // What waits in someone else's relay was sent to its owner: nothing of it is offered.
  const waiting = notYourRelay === 'relay' ? { peers: 0, others: 0 } : pending;
  const n = waiting.peers;
  if (n > 0) {
    const byPeer = waiting.byPeer ?? [];
    const where = byPeer.length > 0 ? `in the user's relay, in ${peerFolders(byPeer)}` : "in the user's relay inbox";
    const claimed = byPeer.length === 1 ? byPeer[0]![0] : 'the peer whose folder holds it';
    parts.push(
      `ALIVE relay: ${counted(n, 'walnut package')} ${noun(n, 'is', 'are')} waiting ${where}. ` +
        "A folder's name is chosen by whoever writes to the relay, so each package is only said to be from " +
        `${claimed} until \`alive-p2p relay pull\` checks its signature against that peer's pinned key (any that fail are set aside as unverified). ` +
        `Tell the user, and offer to run /alive:receive to pull, check and review ${noun(n, 'it', 'them')}.`,
    );
  }
  const others = waiting.others;
  if (others > 0) {
    parts.push(
      `ALIVE relay: ${counted(others, 'package')} ${noun(others, 'waits', 'wait')} on the relay in folders that are not a pinned peer's ` +
        "(a removed peer's, a sender never accepted, or any name someone with write access chose) and cannot be verified. " +
        'Do not offer to import ' +
        `${noun(others, 'it', 'them')}; if the user asks, \`alive-p2p relay status\` names the folders.`,
    );
  }
  if (pulled && pulled.peers + pulled.others > 0) parts.push(pulledText(pulled));
  if (saved && saved.peers + saved.others > 0) parts.push(savedText(saved));
  if (accepted.length > 0) {
    parts.push(
      `ALIVE relay: ${accepted.join(', ')} accepted the user's relay invitation, so the user can now share walnuts ` +
        `with ${noun(accepted.length, 'that peer', 'those peers')} through /alive:share. ` +
        'Suggest comparing key fingerprints out of band (/alive:relay status shows them).',
    );
  }
  return parts.length > 0 ? parts.join('\n') : undefined;
}

/**
 * A relay set up, before setup checked the repository, on someone else's relay or on another
 * repository (relay-origin.ts judges it by the relay's history, which a peer cannot change), or a
 * relay setup checked that the repository at its URL is no longer (replaced). Whose keys or which
 * files is the relay's text: not in the model's context; `relay status` shows them and says which.
 */
function notYourRelayText(kind: 'relay' | 'repository'): string {
  const setUp = 'its history shows a repository (set up on before alive checked what one holds, or put in its place since) that ';
  const way =
    '`alive-p2p relay status` says what is wrong and how to point the relay at their own repository ' +
    '(`alive-p2p relay setup --move --url URL`, then each of their peers accepts the new URL).';
  return kind === 'relay'
    ? `ALIVE relay: WARNING: the user's relay is someone else's relay: ${setUp}publishes another login's key, so what waits there ` +
        `was sent to its owner, and \`alive-p2p relay pull\` refuses it. Do not offer to pull or import anything from it. Tell the user now; ${way}`
    : `ALIVE relay: the user's relay is another repository, not a relay: ${setUp}holds other files (a code project), ` +
        `so their peers' packages are committed into it. Tell the user; ${way}`;
}

export async function relayNotice(ctx: NoticeContext): Promise<string | undefined> {
  const dir = relayDir(ctx.env);
  if (!fs.existsSync(join(dir, 'relay.json'))) return silent(ctx, `no relay is configured (${join(dir, 'relay.json')} does not exist)`);
  const world = findWorldRoot(await ctx.sessionCwd(), ctx.env);
  if (!world) return silent(ctx, 'not inside an ALIVE world');

  const statePath = join(dir, 'state.json');
  const memoryPath = join(dir, 'relay-check.json');
  let state = readNoticeState(statePath);
  const memory = readCheckMemory(memoryPath);
  const probeScript = join(ctx.distDir, 'relay-probe.mjs');

  const due = probeIsDue(state, memory, ctx.now());
  let probe: string | undefined;
  if (due && fs.existsSync(probeScript)) {
    memory.lastAttempt = ctx.now();
    writeMemory(memoryPath, memory);
    const outcome = await runProbe({ script: probeScript, deadline: ctx.deadline, env: ctx.env, now: ctx.now });
    probe = outcome === 'killed' ? 'the probe ran out of its budget and was stopped' : outcome === 'failed' ? 'the probe failed' : 'probed just now';
    state = readNoticeState(statePath);
  } else if (due) probe = `the probe is not installed (${probeScript})`;
  else if (ctx.debug) {
    const last = Math.max(...[state?.lastSync, memory.lastAttempt].filter((t): t is number => t !== undefined));
    const ago = Math.max(0, Math.round((ctx.now() - last) / 1000));
    probe = `the state is fresh (probed ${ago} s ago, next probe in ${Math.max(0, Math.round(PROBE_INTERVAL_MS / 1000) - ago)} s)`;
  }
  const pinned = readPinnedPeers(join(dir, 'relay.json'));
  const inbox = join(dir, 'inbox');
  const found = countUnverifiedSaved(inbox, SAVED_FOLDERS_SCANNED);
  const saved: SavedNotice = { ...splitFolders(found.byFolder, found.packages, pinned), folders: inbox, complete: found.complete };
  const local = countPulledUnreceived(dir, PULLED_FILES_CHECKED);
  const pulled = local && { ...splitFolders(local.byFolder, local.packages, pinned), folders: inbox, complete: local.complete };
  if (!state)
    return formatRelayNotice({ peers: 0, others: 0 }, [], false, saved, undefined, pulled) ?? silent(ctx, `${probe ? `${probe}; ` : ''}no readable state.json`);

  const alreadyAnnounced =
    memory.announced !== undefined && state.lastSyncText !== undefined && memory.announced.lastSync === state.lastSyncText ? memory.announced.logins : [];
  const accepted = state.newlyAccepted.filter((l) => !alreadyAnnounced.includes(l));
  if (accepted.length > 0 && state.lastSyncText !== undefined) {
    memory.announced = { lastSync: state.lastSyncText, logins: [...alreadyAnnounced, ...accepted] };
    writeMemory(memoryPath, memory);
  }
  // A probe that failed, said once for each failure (the same one at every probe, a network that is
  // down, is not said again), and forgotten once a probe succeeds.
  const failure = state.lastError === undefined ? undefined : failureKind(state.lastError);
  const failed = failure !== undefined && failure !== memory.errorAnnounced;
  if (failure !== memory.errorAnnounced) {
    memory.errorAnnounced = failure;
    writeMemory(memoryPath, memory);
  }
  const split = splitPending(state, pinned);
  const text = formatRelayNotice(split, accepted, state.ownKeyChanged, saved, state.notYourRelay, pulled, failed);
  return text ?? silent(ctx, `${probe ? `${probe}; ` : ''}nothing is waiting, none was saved unverified or waits to be received, and no peer newly accepted`);
}

/**
 * A probe's error as one failure: its words without the commit ids and figures in them. A writer
 * who pushes a commit before each session start changes the id the error names, and a timeout's
 * seconds follow the time left: compared whole, the same failure was said at every start.
 */
function failureKind(error: string): string {
  return error.replace(/\b[0-9a-f]{7,64}\b/g, '#').replace(/\d+(?:\.\d+)?/g, 'N');
}

function silent(ctx: NoticeContext, reason: string): undefined {
  ctx.debug?.(reason);
  return undefined;
}

/**
 * Written aside and renamed in, so a concurrent session start reads the old or the new file. Not
 * fs/atomic.ts: its temporary names come from node:crypto, whose loading would cost every session
 * start a few milliseconds; this file is relay-check's alone and needs no fsync.
 */
function writeMemory(path: string, memory: CheckMemory): void {
  const aside = `${path}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(aside, serializeCheckMemory(memory), { flag: 'wx' });
  fs.renameSync(aside, path);
}
