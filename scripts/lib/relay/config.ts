import * as z from '../json/zod.ts';
import { AliveError } from '../errors.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { readJsonFile, schemaProblem } from '../json/file.ts';
import { isValidLogin } from './names.ts';
import { gitUrlHoldsSecret, isGithubRepo, isUsableGitUrl, URL_SECRET_PROBLEM } from './repo-name.ts';
import { isPrintable } from '../text/untrusted.ts';

/**
 * relay.json: the reference's v2 schema (walnut-package-v2.md 6.3) plus the contract's
 * `transport`, `url`, `api_url` and per-peer `fingerprint`. `github_username` is the user's login
 * on either transport; `peers[].github` is the peer's login. A peer's `relay` is
 * `owner/walnut-relay` on GitHub and the peer's Git URL on the git transport.
 */

/**
 * A branch name as git accepts one (`git check-ref-format --branch`): no space or `~^:?*[\\`, no
 * `..`, `@{` or `//`, no component starting with `.` or ending with `.lock`, not starting with `-`
 * or `/`, not ending with `/` or `.`, not `@` or `HEAD`; plus at most 255 bytes and nothing
 * unprintable (no control, bidi or zero-width character: the name is shown in messages). So
 * `release+2026` is one. It is safe everywhere the relay uses it: git gets it inside refspecs and
 * ref names (`refs/heads/<branch>`, never an option: no leading `-`; no `:` or glob character) and
 * GitHub's API gets it percent-encoded by Octokit (`heads%2Frelease%2B2026`).
 */
export function isUsableBranch(name: string): boolean {
  if (name === '' || name === '@' || name === 'HEAD' || Buffer.byteLength(name) > 255 || !isPrintable(name)) return false;
  if (/[\s~^:?*[\\]|\.\.|@\{|\/\//.test(name)) return false;
  if (name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.')) return false;
  return name.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}

const login = z.string().check(z.refine(isValidLogin, { message: 'is not a valid login' }));
const fingerprintHex = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex characters (SHA-256)'));
const optionalText = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((v) => (v === undefined || v === '' ? null : v)),
);
/** A relay URL or repository: never one with a secret in it. */
const noSecret = z.refine((v: unknown) => typeof v !== 'string' || !gitUrlHoldsSecret(v), { message: URL_SECRET_PROBLEM });
const relayAddress = optionalText.check(noSecret);

export const peerStatuses = ['pending', 'accepted', 'removed'] as const;
export type PeerStatus = (typeof peerStatuses)[number];

const peerSchema = z.looseObject({
  github: login,
  name: optionalText,
  relay: relayAddress,
  person_walnut: optionalText,
  added: z.pipe(
    z.optional(z.nullable(z.string())),
    z.transform((v) => v ?? null),
  ),
  status: z.enum(peerStatuses),
  fingerprint: z.pipe(
    z.optional(z.nullable(fingerprintHex)),
    z.transform((v) => v ?? null),
  ),
});

export const relayConfigSchema = z
  .looseObject({
    repo: z.string().check(z.minLength(1, 'must not be empty'), noSecret),
    github_username: login,
    transport: z.pipe(
      z.optional(z.enum(['github', 'git'])),
      z.transform((v) => v ?? 'github'),
    ),
    url: relayAddress,
    api_url: optionalText,
    branch: z.pipe(
      z.optional(z.string().check(z.refine(isUsableBranch, { message: 'is not a branch name git accepts' }))),
      z.transform((v) => v ?? 'main'),
    ),
    peers: z.array(peerSchema),
    /** The relay setup found empty or holding only what a relay does (git): its history judges nothing (relay-origin.ts). */
    setup_checked: z.optional(z.object({ url: z.string(), at: z.string() })),
  })
  .check(
    z.superRefine((cfg, ctx) => {
      if (cfg.transport === 'git' && !cfg.url) ctx.addIssue({ code: 'custom', path: ['url'], message: 'is required with the git transport' });
      if (cfg.transport === 'github' ? !isGithubRepo(cfg.repo) : !isUsableGitUrl(cfg.repo)) {
        const shape = cfg.transport === 'github' ? 'a GitHub repository owner/name' : 'a usable Git URL or path';
        ctx.addIssue({ code: 'custom', path: ['repo'], message: `is not ${shape}` });
      }
      const seen = new Set<string>();
      cfg.peers.forEach((p, i) => {
        const key = p.github.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['peers', i, 'github'], message: `repeats peer '${p.github}'` });
        seen.add(key);
      });
    }),
  );

export type RelayConfig = z.output<typeof relayConfigSchema>;
export type Peer = RelayConfig['peers'][number];
export type Transport = RelayConfig['transport'];

const REPAIR = 'fix it by hand or run `alive-p2p relay setup` again';

/** The relay config, or undefined when the relay is not set up. */
export function readRelayConfig(path: string): RelayConfig | undefined {
  return readJsonFile(path, relayConfigSchema, 'relay config', REPAIR);
}

export function requireRelayConfig(path: string): RelayConfig {
  const cfg = readRelayConfig(path);
  if (!cfg) {
    throw new AliveError(`no relay is set up (${path} does not exist); run \`alive-p2p relay setup\` first`, {
      code: 'not_set_up',
    });
  }
  return cfg;
}

/** Writes relay.json, only after it passes the schema every read applies: never a file that cannot be read back. */
export function writeRelayConfig(path: string, cfg: RelayConfig): void {
  const problem = schemaProblem(relayConfigSchema, cfg);
  if (problem) {
    throw new AliveError(`relay config not written to ${path}: ${problem}; nothing was changed (this is a bug: please report it)`, { code: 'config_invalid' });
  }
  writeJsonAtomic(path, cfg, { mode: 0o600 });
}

export function findPeer(cfg: RelayConfig, peerLogin: string): Peer | undefined {
  const key = peerLogin.toLowerCase();
  return cfg.peers.find((p) => p.github.toLowerCase() === key);
}

/** A peer whose key is pinned and who was not removed: their packages can be verified. */
export function isPinnedPeer(peer: Peer | undefined): boolean {
  return Boolean(peer?.fingerprint) && peer?.status !== 'removed';
}

/**
 * Another peer (not removed) whose pinned key is `peer`'s too, pinned before pinning refused it
 * (key_in_use): a package signed with it cannot say which of the two it is from.
 */
export function keySharedWith(cfg: RelayConfig, peer: Peer): string | undefined {
  if (!peer.fingerprint) return undefined;
  const key = peer.github.toLowerCase();
  return cfg.peers.find((p) => p.fingerprint === peer.fingerprint && p.status !== 'removed' && p.github.toLowerCase() !== key)?.github;
}

/** Inserts or replaces a peer (matched case-insensitively), keeping the list's order. */
export function upsertPeer(cfg: RelayConfig, peer: Peer): RelayConfig {
  const key = peer.github.toLowerCase();
  const idx = cfg.peers.findIndex((p) => p.github.toLowerCase() === key);
  const peers = [...cfg.peers];
  if (idx === -1) peers.push(peer);
  else peers[idx] = peer;
  return { ...cfg, peers };
}

export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
