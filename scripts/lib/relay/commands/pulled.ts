/**
 * What `relay status` and `relay inbox` say of the packages pull saved and verified that are not
 * received into any of the user's worlds yet (pulled-unreceived.ts): receive records every import
 * in the relay folder's imported.json, so the current folder's world decides nothing.
 */
import { join } from 'node:path';
import { fencedLines } from '../../text/fence.ts';
import { inlineText } from '../../text/untrusted.ts';
import { counted, noun } from '../../text/plural.ts';
import { findPeer, isPinnedPeer, type RelayConfig } from '../config.ts';
import { countPulledUnreceived, IMPORTED_LOG, RECEIVED_LOG } from '../pulled-unreceived.ts';
import type { RelayPaths } from '../paths.ts';

export interface PulledReport {
  /** --json `pulled`: counts by folder (a pinned peer's named; any other counted, named under untrusted). */
  json: Record<string, unknown> | null;
  /** Folders that are no pinned peer's now (a peer removed since the pull): untrusted. */
  otherFolders: Record<string, number>;
  lines: string[];
}

export function pulledReport(cfg: RelayConfig, paths: RelayPaths): PulledReport {
  const found = countPulledUnreceived(paths.dir);
  if (!found) {
    const line = `Pulled:  cannot tell what pull saved that waits to be received (${join(paths.dir, RECEIVED_LOG)}, ${join(paths.dir, IMPORTED_LOG)} or a file under ${paths.inbox}/ is unreadable)`;
    return { json: null, otherFolders: {}, lines: [line] };
  }
  const peers: Record<string, number> = {};
  const others: Record<string, number> = {};
  for (const [folder, n] of found.byFolder) (isPinnedPeer(findPeer(cfg, folder)) ? peers : others)[folder] = n;
  const inOthers = Object.values(others).reduce((a, b) => a + b, 0);
  const json = { packages: found.packages, in_peer_folders: peers, in_other_folders: inOthers, dir: paths.inbox };
  const lines: string[] = [];
  const n = found.packages;
  if (n > 0) {
    const named = Object.entries(peers).map(([s, k]) => `${inlineText(s, 64)}: ${k}`);
    const by = [
      ...(named.length > 0 ? [`in the ${named.length === 1 ? 'folder of pinned peer' : 'folders of pinned peers'} ${named.join(', ')}`] : []),
      ...(inOthers > 0 ? [`${inOthers} in folders that are no pinned peer's now, named in the untrusted list below`] : []),
    ].join(', ');
    lines.push(`Pulled:  ${counted(n, 'verified package')} not received into any of your worlds yet (${by}), kept under ${join(paths.inbox, '<folder>')}/`);
    lines.push(`         import ${noun(n, 'it', 'each')} with: alive-p2p receive PATH --world WORLD (or /alive:receive); delete its file to discard it`);
    if (inOthers > 0)
      lines.push(
        ...fencedLines(
          'UNTRUSTED SENDER NAMES',
          Object.entries(others)
            .map(([s, k]) => `${s}: ${k}`)
            .join('\n'),
        ),
      );
  }
  return { json, otherFolders: others, lines };
}
