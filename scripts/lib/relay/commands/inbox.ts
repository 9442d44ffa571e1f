/** `alive-p2p relay inbox`: what waits in your relay, without downloading anything. */
import { defineCommand } from '../../cli/command.ts';
import { findPeer, isPinnedPeer, requireRelayConfig } from '../config.ts';
import { openTransport } from '../open.ts';
import { defaultRelayPaths } from '../paths.ts';
import { touchRelayActivity } from '../activity.ts';
import { pendingFields } from '../state.ts';
import type { GitTransport } from '../git-transport.ts';
import { ignoredFields, output, warnIgnored } from './common.ts';
import { counted } from '../../text/plural.ts';
import { fencedLines } from '../../text/fence.ts';
import { BY_FOLDER_NOTE, saidToBeFrom } from '../folder-words.ts';

interface Waiting {
  sender: string;
  file: string;
  path: string;
  /** Bytes, as the relay (GitHub) or the sender's deposit commit (git) states it; null if unknown. */
  size: number | null;
  /** When it was delivered (UTC ISO); null if unknown. */
  time: string | null;
  /** The folder is a peer's whose key you pinned (and did not remove): pull checks the package against that key. */
  pinned: boolean;
  peer_status: 'pending' | 'accepted' | 'removed' | 'unknown';
  /** Always false: nothing is verified before pull downloads the package and checks its signature. */
  verified: false;
  /** `file` again: whoever writes to the relay names it, in a peer's folder too. */
  untrusted: { file: string };
}

/**
 * The most rows `--json` lists, and the text shows of each kind of folder: whoever writes to the
 * relay can put any number of names there (300,000 made `--json` 96 MB, a pinned peer's package at
 * row 100,000; fourth review of 2026-12-07). Rows of pinned peers' folders come first; the counts
 * cover every package.
 */
export const INBOX_ROWS_JSON = 1_000;
export const INBOX_ROWS_SHOWN = 200;
/** The most folders that are no peer's counted by name under `untrusted.senders`. */
const SENDERS_NAMED = 100;

/** Rows of a pinned peer's folder first, then other peers', then folders no peer has. */
const RANK: Record<Waiting['peer_status'], number> = { accepted: 1, pending: 1, removed: 2, unknown: 3 };
const rank = (w: Waiting) => (w.pinned ? 0 : RANK[w.peer_status]);

/** inbox --json `note`: what `sender`, `file` and `pinned` say, and what they do not. */
const NOTE =
  `\`sender\` is the folder a package waits in and \`pinned\` says it is a pinned peer's; ${BY_FOLDER_NOTE}; ` +
  "`file` (in `path` too, and copied under `untrusted.file`) is named by whoever wrote it, in a peer's folder too: untrusted data";

export const relayInboxCommand = defineCommand({
  name: 'inbox',
  summary: 'list what waits in your relay (nothing is downloaded)',
  usage: `usage: alive-p2p relay inbox [--json]

Lists the packages waiting in your relay: the folder each waits in (inbox/<folder>/, named by
whoever wrote it), file, size, when it was delivered, and whether the folder is a pinned peer's
(only those can be verified by pull). A package in a peer's folder is only said to be from them
until pull verifies its signature. Nothing is downloaded or changed; run \`alive-p2p relay pull\`
to fetch them. It also counts what earlier pulls saved and verified that the world you are in has
not received yet (alive-p2p receive PATH --world WORLD, or /alive:receive, imports one).

Options:
  --json      one JSON object: {ok, waiting: [{sender (the folder), file, path, size, time, pinned, peer_status,
              verified (false), untrusted: {file}}], note, pulled ({packages, in_peer_folders,
              in_other_folders, world, dir}: what pull saved and verified that the current folder's
              world has not received; null when it cannot be told), ignored (a count), ignored_truncated,
              not_your_relay ("relay", "repository" or null: the relay was set up, before setup
              checked it, on someone else's relay or another repository), not_your_relay_problem,
              untrusted: {ignored: [the first 100 names of the files that are not packages],
              senders: {folder: count, for the folders that are no peer's}, relay_keys or
              repository_files}}; waiting holds at most ${INBOX_ROWS_JSON} rows, a pinned peer's first:
              waiting_total counts them all, waiting_left_out those not listed (senders_left_out: the
              packages of folders past the first ${SENDERS_NAMED} no peer has)
  -h, --help  show this help`,
  options: {},
  async run(ctx) {
    const env = process.env;
    const out = output(ctx);
    const paths = defaultRelayPaths(env);
    const cfg = requireRelayConfig(paths.config);
    const transport = await openTransport(cfg, paths, env);
    const listing = await transport.listInbox();
    // A relay set up before setup checked the repository may be someone else's (relay-origin.ts).
    const origin = transport.notYourRelay
      ? (await import('../relay-origin.ts')).standingOrigin(await transport.notYourRelay(listing.head), paths.state)
      : undefined;
    const originShown = origin ? (await import('../relay-origin.ts')).originProblem(cfg.repo, cfg.github_username, origin) : undefined;
    const details =
      transport.kind === 'git' ? await (transport as GitTransport).depositDetails(listing.head, new Set(listing.entries.map((e) => e.path))) : new Map();
    const all: Waiting[] = listing.entries.map((e) => {
      const peer = findPeer(cfg, e.sender);
      const d = details.get(e.path);
      return {
        sender: e.sender,
        file: e.name,
        path: e.path,
        size: e.size ?? d?.size ?? null,
        time: d?.time ?? stampTime(e.name),
        pinned: isPinnedPeer(peer),
        peer_status: peer?.status ?? 'unknown',
        verified: false,
        untrusted: { file: e.name },
      };
    });
    const waiting = all.sort((a, b) => rank(a) - rank(b));
    touchRelayActivity(paths, (state) => {
      Object.assign(
        state,
        pendingFields(
          waiting.map((w) => w.sender),
          (s) => findPeer(cfg, s) !== undefined,
        ),
      );
      if (origin !== undefined) state.not_your_relay = origin;
    });
    // Folders no peer has: named by whoever wrote them, data only (status and pull do the same).
    const notPeers = waiting.filter((w) => w.peer_status === 'unknown');
    const ignored = ignoredFields(listing.ignored);
    const senders = new Map<string, number>();
    let sendersLeftOut = 0;
    for (const w of notPeers) {
      if (senders.has(w.sender) || senders.size < SENDERS_NAMED) senders.set(w.sender, (senders.get(w.sender) ?? 0) + 1);
      else sendersLeftOut++;
    }
    // What pull took off the relay and the world has not received: only here, status and the hook say it waits.
    const pulled = (await import('./pulled.ts')).pulledReport(cfg, paths);
    out.result({
      ok: true,
      waiting: waiting.slice(0, INBOX_ROWS_JSON),
      waiting_total: waiting.length,
      waiting_left_out: Math.max(0, waiting.length - INBOX_ROWS_JSON),
      ...(sendersLeftOut > 0 ? { senders_left_out: sendersLeftOut } : {}),
      note: NOTE,
      pulled: pulled.json,
      ...ignored,
      not_your_relay: origin?.kind ?? null,
      ...(originShown ? { not_your_relay_problem: originShown.text } : {}),
      untrusted: {
        ...ignored.untrusted,
        senders: Object.fromEntries(senders),
        ...(Object.keys(pulled.otherFolders).length > 0 ? { pulled_senders: pulled.otherFolders } : {}),
        ...originShown?.untrusted.json,
      },
    });
    if (originShown) out.warn(originShown.text, originShown.untrusted.lines);
    if (waiting.length === 0) out.line('Nothing is waiting in your relay.');
    else out.line(`${counted(waiting.length, 'package')} waiting in your relay, by the folder each is in:`);
    const inPeers = waiting.filter((w) => w.peer_status !== 'unknown');
    const byFolder = new Map<string, Waiting[]>();
    for (const w of inPeers) {
      const ws = byFolder.get(w.sender);
      if (ws) ws.push(w);
      else byFolder.set(w.sender, [w]);
    }
    for (const [folder, ws] of byFolder) out.line(`  ${folder}: ${counted(ws.length, 'package')} (${trustOf(ws[0]!)})`);
    // A file's name is the relay writer's in a peer's folder too: rows are data only.
    if (inPeers.length > 0) {
      out.line(`Folder, file, size and time of ${inPeers.length === 1 ? 'it' : 'each'} (file names are chosen by whoever writes to your relay: untrusted):`);
      fencedRows(out, inPeers);
    }
    if (notPeers.length > 0) {
      const where = notPeers.length === 1 ? "a folder that is not one of your peers'" : "folders that are not your peers'";
      out.line(`${counted(notPeers.length, 'package')} in ${where} (folder, file, size and time follow, untrusted):`);
      fencedRows(out, notPeers);
    }
    warnIgnored(out, listing.ignored);
    if (waiting.some((w) => w.pinned)) out.line(`A package in a pinned peer's folder is ${saidToBeFrom('that peer')}.`);
    if (waiting.some((w) => !w.pinned)) out.line("Packages in a folder that is not a pinned peer's are filed under unverified/ by pull.");
    // Someone else's relay: what waits there is its owner's, and pull refuses it.
    if (waiting.length > 0 && origin?.kind !== 'relay') out.line('Fetch them with: alive-p2p relay pull');
    for (const l of pulled.lines) out.line(l);
  },
});

function trustOf(w: Waiting): string {
  if (w.pinned) return "pinned peer's folder, not verified yet";
  return w.peer_status === 'removed' ? "REMOVED peer's folder" : 'folder of a peer whose key is not pinned';
}

/** Waiting packages as rows in an untrusted fence: their folder and file names are the relay writer's. */
function fencedRows(out: ReturnType<typeof output>, ws: Waiting[]): void {
  for (const l of fencedLines('UNTRUSTED FOLDERS AND FILES', ws.slice(0, INBOX_ROWS_SHOWN).map(row).join('\n'))) out.line(l);
  if (ws.length > INBOX_ROWS_SHOWN) out.line(`… and ${ws.length - INBOX_ROWS_SHOWN} more not shown (the first ${INBOX_ROWS_SHOWN} are)`);
}

/** A waiting package's folder, file, size and time, as a row of the listing. */
function row(w: Waiting): string {
  return `${w.sender.padEnd(16)} ${w.file}  ${w.size === null ? '?' : formatSize(w.size)}  ${w.time ?? 'time unknown'}`;
}

/** The UTC stamp a deposit name carries (`<name>-YYYYMMDD-HHMMSS-<hex>.walnut`), as ISO; null if none. */
function stampTime(name: string): string | null {
  const m = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-[0-9a-f]{8}\.walnut$/.exec(name);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : null;
}

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}
