import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { AliveError, messageOf } from '../errors.ts';
import { relayConfigSchema, readRelayConfig, type Peer, type PeerStatus, type RelayConfig, peerStatuses } from './config.ts';
import { isValidLogin } from './names.ts';
import { isoSeconds } from './state.ts';
import { githubRelayOf, isGithubRepo, isOwnedBy, splitRepo } from './repo-name.ts';
import { inlineText, isPrintable } from '../text/untrusted.ts';
import { counted } from '../text/plural.ts';
import { readV1, removeStaleMetaTemps, writeMigration } from './migrate-io.ts';

/**
 * v1 `relay.yaml` (flat, or nested under `relay:`) to v2 `relay.json`. Every scalar is read as a
 * string, so logins such as `yes` or `2024` stay what they are. Idempotent; the v1 file is never
 * changed. A file that holds no relay settings is refused rather than turned into an empty config.
 */

export type MigrationStatus = 'migrated' | 'would-migrate' | 'skipped:no-v1' | 'skipped:already-migrated';

export interface MigrationResult {
  status: MigrationStatus;
  v1_path: string;
  v2_path: string;
  v1_peer_count: number;
  v2_peer_count: number;
  skipped_peers: string[];
  config: RelayConfig | null;
  warnings: string[];
}

export function migrateRelay(opts: { v1Path: string; v2Path: string; metaPath: string; dryRun: boolean; now?: Date }): MigrationResult {
  const v1Path = resolve(opts.v1Path);
  const v2Path = resolve(opts.v2Path);
  const base = { v1_path: v1Path, v2_path: v2Path, v1_peer_count: 0, v2_peer_count: 0, skipped_peers: [], config: null, warnings: [] };
  const text = readV1(v1Path);
  if (text === undefined) return { ...base, status: 'skipped:no-v1' };
  // What a killed run left of the migration record (written aside, never renamed into place).
  if (!opts.dryRun) removeStaleMetaTemps(opts.metaPath);
  if (existsSync(v2Path)) {
    const current = readRelayConfig(v2Path); // throws with the field named if it is broken
    if (current) return { ...base, status: 'skipped:already-migrated', config: current };
  }

  const converted = convertV1(text, v1Path);
  const cfg = relayConfigSchema.parse(converted.config);
  const result: MigrationResult = {
    ...base,
    status: opts.dryRun ? 'would-migrate' : 'migrated',
    v1_peer_count: converted.v1PeerCount,
    v2_peer_count: cfg.peers.length,
    skipped_peers: converted.skipped,
    config: cfg,
    warnings: converted.warnings,
  };
  if (!opts.dryRun) {
    const meta = {
      migrated_from: v1Path,
      migrated_at: isoSeconds(opts.now ?? new Date()),
      v1_peer_count: result.v1_peer_count,
      v2_peer_count: result.v2_peer_count,
      skipped_peers: result.skipped_peers,
    };
    const late = writeMigration(v2Path, cfg, opts.metaPath, meta);
    if (late) result.warnings.push(late);
  }
  return result;
}

interface Converted {
  config: unknown;
  v1PeerCount: number;
  skipped: string[];
  warnings: string[];
}

function convertV1(text: string, v1Path: string): Converted {
  // Keys must be unique: with a key written twice (`github_username: alice` … `github_username:
  // mallory`) one of them would silently win.
  const parsed = parseDocument(text, { schema: 'failsafe' });
  const duplicate = parsed.errors.find((e) => e.code === 'DUPLICATE_KEY');
  if (duplicate) {
    const key = /^(?:"[^"\n]*"|'[^'\n]*'|[^:\n]*)/.exec(text.slice(duplicate.pos[0]))![0].trim();
    const line = duplicate.linePos?.[0].line;
    throw new AliveError(
      `${v1Path} sets '${inlineText(key, 100)}' more than once${line === undefined ? '' : ` (again on line ${line})`}, so which value is meant is unclear; keep one and run again; nothing was written`,
      { code: 'bad_v1' },
    );
  }
  if (parsed.errors.length > 0) {
    throw new AliveError(
      `${v1Path} is not readable YAML (${parsed.errors[0]!.message.split('\n')[0]}); fix it or write relay.json with \`alive-p2p relay setup\``,
      { code: 'bad_v1' },
    );
  }
  let doc: unknown;
  try {
    doc = parsed.toJS();
  } catch (err) {
    throw new AliveError(`${v1Path} is not readable YAML (${messageOf(err).split('\n')[0]}); fix it or write relay.json with \`alive-p2p relay setup\``, {
      code: 'bad_v1',
    });
  }
  if (!isMap(doc)) throw notV1(v1Path, 'it is not a mapping of settings');
  const nested = isMap(doc.relay) ? doc.relay : {};
  const pick = (key: string): string => str(doc[key]) || str(nested[key]);
  const login = pick('github_username') || pick('username') || pick('github');
  let repo = pick('repo');
  const warnings: string[] = [];
  if (!login && !repo) throw notV1(v1Path, 'it has neither github_username nor repo');
  if (!login) {
    const owner = repo.split('/')[0] ?? '';
    if (!isValidLogin(owner)) throw notV1(v1Path, 'it has no github_username and its repo does not name an owner');
    warnings.push(`no github_username: using the repo's owner '${owner}'`);
    return finish(owner, repo, doc, nested, warnings, v1Path);
  }
  if (!isValidLogin(login)) throw notV1(v1Path, `github_username '${inlineText(login)}' is not a valid login`);
  if (!repo) {
    repo = githubRelayOf(login);
    warnings.push(`no repo: using ${repo}`);
  }
  return finish(login, repo, doc, nested, warnings, v1Path);
}

/** The user's relay on GitHub is `<login>/walnut-relay`: another `repo` would be shown but never used. */
function checkRepo(login: string, repo: string, v1Path: string): void {
  if (!isGithubRepo(repo)) throw notV1(v1Path, `its repo '${inlineText(repo)}' is not a GitHub repository owner/name`);
  if (!isOwnedBy(repo, login)) throw notV1(v1Path, `its repo '${inlineText(repo)}' is not owned by ${login}`);
}

/**
 * A peer's relay as written in v1 decides where their key is read from, so only a repository
 * the peer owns is kept; anything else is dropped with a note (their key is then read from
 * `<login>/walnut-relay`).
 */
function peerRelay(github: string, raw: string, warnings: string[]): string | null {
  if (raw === '') return null;
  if (isOwnedBy(raw, github)) {
    const { owner, repo } = splitRepo(raw);
    return `${owner}/${repo}`;
  }
  warnings.push(`dropped ${github}'s relay '${inlineText(raw, 100)}': it is not ${github}'s relay (${githubRelayOf(github)})`);
  return null;
}

/** Free text shown later (a name, a folder): dropped with a note when it holds control or hidden characters. */
function peerText(github: string, field: string, raw: string, warnings: string[]): string | null {
  if (raw === '') return null;
  if (isPrintable(raw)) return raw;
  warnings.push(`dropped ${github}'s ${field} '${inlineText(raw, 100)}': it holds control characters`);
  return null;
}

function finish(login: string, repo: string, doc: Record<string, unknown>, nested: Record<string, unknown>, warnings: string[], v1Path: string): Converted {
  checkRepo(login, repo, v1Path);
  const rawPeers = doc.peers ?? nested.peers;
  let items: unknown[] = [];
  if (Array.isArray(rawPeers)) items = rawPeers;
  else if (isMap(rawPeers)) items = Object.entries(rawPeers).map(([k, v]) => ({ github: k, ...(isMap(v) ? v : {}) }));
  else if (rawPeers !== undefined && str(rawPeers) !== '' && str(rawPeers) !== '[]') {
    throw notV1(v1Path, "'peers' is neither a list nor a mapping");
  }
  const peers: Peer[] = [];
  const skipped: string[] = [];
  const invalid: string[] = [];
  /** Lowercased login → the peer kept under it (logins are case-insensitive). */
  const seen = new Map<string, string>();
  for (const item of items) {
    const p = isMap(item) ? item : {};
    const github = str(p.github) || str(p.username) || str(p.login);
    const shown = inlineText(github || JSON.stringify(item ?? null).slice(0, 60));
    const first = seen.get(github.toLowerCase());
    if (!isValidLogin(github)) invalid.push(shown);
    else if (first !== undefined) warnings.push(`skipped peer ${shown}: a duplicate of ${inlineText(first)} (logins ignore case)`);
    if (!isValidLogin(github) || first !== undefined) {
      skipped.push(shown);
      continue;
    }
    seen.set(github.toLowerCase(), github);
    const status = str(p.status);
    peers.push({
      github,
      name: peerText(github, 'name', str(p.name), warnings),
      relay: peerRelay(github, str(p.relay), warnings),
      person_walnut: peerText(github, 'person_walnut', str(p.person_walnut), warnings),
      added: peerText(github, 'added', str(p.added), warnings),
      status: (peerStatuses as readonly string[]).includes(status) ? (status as PeerStatus) : 'pending',
      // Keys are not carried over: trust is re-established with `alive-p2p relay accept`.
      fingerprint: null,
    });
  }
  if (invalid.length > 0) warnings.push(`skipped ${counted(invalid.length, 'peer')} without a valid login: ${invalid.join(', ')}`);
  if (peers.some((p) => p.status === 'accepted')) {
    warnings.push(
      'peer keys are not migrated: for each accepted peer, get their key fingerprint from them by another channel (in person, a call), ' +
        'then run `alive-p2p relay accept LOGIN --fingerprint HEX` to pin their key (without --fingerprint it pins whatever key their relay holds)',
    );
  }
  return {
    config: { repo, github_username: login, transport: 'github', url: null, api_url: null, branch: 'main', peers },
    v1PeerCount: items.length,
    skipped,
    warnings,
  };
}

function notV1(path: string, why: string): AliveError {
  return new AliveError(`${path} is not a v1 relay config (${why}); nothing was written`, { code: 'not_v1' });
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string {
  return typeof v === 'string' ? v.trim() : '';
}
