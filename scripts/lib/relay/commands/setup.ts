import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { defineCommand } from '../../cli/command.ts';
import { AliveError } from '../../errors.ts';
import { isPinnedPeer, isUsableBranch, readRelayConfig, writeRelayConfig, type RelayConfig, type Transport } from '../config.ts';
import { inlineText } from '../../text/untrusted.ts';
import { ensureOwnKeyPair, formatFingerprint } from '../keys.ts';
import { checkOwnKey } from '../key-checks.ts';
import { touchRelayActivity } from '../activity.ts';
import { isoSeconds } from '../state.ts';
import { requireLogin } from '../names.ts';
import { openGithubTransport } from '../open.ts';
import { defaultRelayPaths, type RelayPaths } from '../paths.ts';
import { GitTransport, normaliseGitUrl } from '../git-transport.ts';
import type { RelayTransport } from '../transport.ts';
import { output } from './common.ts';

const USAGE = `usage: alive-p2p relay setup [--login NAME] [--transport github|git] [--url URL] [--api-url URL] [--move] [--json]

Creates your relay (a private Git repository used as your mailbox), makes your RSA-4096 key pair
under $ALIVE_HOME/relay/keys/ if it is missing, and publishes your public key in the relay.
  github (default): the repository <login>/walnut-relay; --login defaults to the token's user.
  git:              any Git URL or local path (--url, required with --login); an empty local
                    folder or missing path becomes a new bare repository.
Running it again is safe: it republishes your key and keeps your peers. Another relay than the
one set up (another --url, --transport or --api-url) is refused unless --move: your peers deliver
to the relay they know, and would need your new one (relay accept <you> --url NEW_URL).

Options:
  --login NAME          your login (github: defaults to the token's user)
  --transport KIND      github (default) or git
  --url URL             git: your relay (a bare repository path or any Git URL)
  --api-url URL         github: the API base (GitHub Enterprise)
  --move                set up another relay than the one relay.json names (keeps your key and peers)
  --json                one JSON object
  -h, --help            show this help`;

export const setupCommand = defineCommand({
  name: 'setup',
  summary: 'create your relay and publish your key',
  usage: USAGE,
  options: {
    login: { type: 'string' },
    transport: { type: 'string' },
    url: { type: 'string' },
    'api-url': { type: 'string' },
    move: { type: 'boolean' },
  },
  async run(ctx) {
    const { values } = ctx;
    const env = process.env;
    const out = output(ctx);
    const paths = defaultRelayPaths(env);
    const existing = readRelayConfig(paths.config);
    const transport = parseTransport(values.transport ?? existing?.transport ?? 'github', ctx.usageError);
    if (transport === 'github' && values.url !== undefined) {
      ctx.usageError('--url is for the git transport: add --transport git to use a Git remote (with github the relay is <login>/walnut-relay)');
    }
    if (transport === 'git' && values['api-url'] !== undefined) ctx.usageError('--api-url is for the github transport');

    let login: string;
    let transportImpl: RelayTransport;
    let apiUrl: string | null = null;
    let url: string | null = null;
    if (transport === 'git') {
      const given = values.login ?? (existing?.transport === 'git' ? existing.github_username : undefined);
      if (given === undefined || given === '') ctx.usageError('--login is required with --transport git (the login your peers know you by)');
      login = requireLogin(given, '--login');
      const rawUrl = values.url ?? (existing?.transport === 'git' ? (existing.url ?? undefined) : undefined);
      if (!rawUrl) return ctx.usageError('--url is required with --transport git (a bare repository path or any Git URL)');
      url = normaliseGitUrl(rawUrl);
      // Set up on this relay before: only its history can make it not the user's (relay-origin.ts).
      const setUpBefore = existing?.transport === 'git' && existing.url !== null && normaliseGitUrl(existing.url) === url;
      const setupChecked = setUpBefore && existing?.setup_checked?.url === url;
      transportImpl = new GitTransport({
        login,
        url,
        branch: existing?.branch ?? 'main',
        clonePath: paths.clone,
        workDir: paths.work,
        setUpBefore,
        setupChecked,
      });
    } else {
      apiUrl = values['api-url'] ?? existing?.api_url ?? null;
      const probe = await openGithubTransport(values.login ?? 'unknown', apiUrl, existing?.branch ?? 'main', env).catch((err: unknown) => {
        // A first setup without a token: GitHub is only the default, so say how to use any Git remote.
        if (err instanceof AliveError && err.code === 'no_token' && values.transport === undefined && !existing) {
          throw new AliveError(`${err.message}; or set up the relay on any Git remote: alive-p2p relay setup --transport git --login NAME --url URL`, {
            code: 'no_token',
          });
        }
        throw err;
      });
      const me = await probe.authenticatedLogin();
      if (values.login !== undefined && values.login.toLowerCase() !== me.toLowerCase()) {
        const variable = (await import('../token.ts')).tokenSource(probe.baseUrl).variables[0];
        throw new AliveError(`the GitHub token belongs to ${me}, not ${values.login}; use that account's token (${variable}) or drop --login`, {
          code: 'wrong_account',
        });
      }
      login = requireLogin(me, 'the authenticated login');
      transportImpl = await openGithubTransport(login, apiUrl, existing?.branch ?? 'main', env);
    }
    if (existing && existing.github_username.toLowerCase() !== login.toLowerCase()) {
      throw new AliveError(`this relay is already set up for ${existing.github_username}; to start over as ${login}, move ${paths.config} aside first`, {
        code: 'already_set_up',
      });
    }

    if (existing && values.move !== true) refuseMove(existing, { transport, url, apiUrl, login });

    // Until relay.json is written, a failure leaves $ALIVE_HOME/relay as it was (see undoFailedSetup).
    const before = localFilesOf(paths);
    let keys: Awaited<ReturnType<typeof ensureOwnKeyPair>>;
    let result: Awaited<ReturnType<RelayTransport['setup']>>;
    let branch: string;
    try {
      keys = await ensureOwnKeyPair(paths);
      result = await transportImpl.setup(keys.publicKeyPem);
      branch = result.branch ?? existing?.branch ?? 'main';
      // The repository's default branch is its owner's choice; one git itself would refuse (or one
      // that cannot be shown) is refused here, before relay.json is written, not by every later read.
      if (!isUsableBranch(branch)) {
        throw new AliveError(
          `your relay ${inlineText(result.repo)} has the default branch '${inlineText(branch)}', which is not a branch name git accepts ` +
            `(or it holds characters that cannot be shown); rename it on GitHub (the repository's Settings > Branches) to a plain name ` +
            `such as main, then run \`alive-p2p relay setup\` again (${paths.config} was not changed)`,
          { code: 'bad_relay' },
        );
      }
    } catch (err) {
      undoFailedSetup(paths, before);
      throw err;
    }
    // What setup found the user's, for this relay only (a move leaves the old one's record behind).
    const { setup_checked: wasChecked, ...kept } = existing ?? {};
    const checked = url && result.checked ? { url, at: isoSeconds() } : wasChecked?.url === url ? wasChecked : undefined;
    const cfg: RelayConfig = {
      ...kept,
      ...(checked ? { setup_checked: checked } : {}),
      repo: result.repo,
      github_username: login,
      transport,
      url,
      api_url: apiUrl,
      branch,
      peers: existing?.peers ?? [],
    };
    writeRelayConfig(paths.config, cfg);
    // The relay holds the user's key now: a WARNING that someone replaced it (own_key "changed")
    // goes at once, and last_action makes status and the session hook check the relay again.
    touchRelayActivity(paths, (state) => {
      state.own_key = checkOwnKey(paths, keys.publicKeyPem, login);
      // Setup has just checked this relay: a finding about the one before (relay-origin.ts) is gone.
      if (state.not_your_relay) state.not_your_relay = null;
    });

    const warning = [result.warning, keys.generated ? newKeyWarning(login, formatFingerprint(keys.fingerprint), cfg) : undefined].filter(Boolean).join(' ');
    out.result({
      ok: true,
      login,
      transport,
      repo: result.repo,
      url,
      created: result.created,
      key_generated: keys.generated,
      key_published: result.keyPublished,
      fingerprint: formatFingerprint(keys.fingerprint),
      config: paths.config,
      ...(warning ? { warning } : {}),
    });
    if (warning) out.warn(warning);
    out.line(`Relay ready: ${result.repo} (${transport}${result.created ? ', created' : ''})`);
    out.line(`Your key${keys.generated ? ' (new)' : ''}: ${formatFingerprint(keys.fingerprint)}`);
    out.line('Give this fingerprint to your peers by another channel so they can check it when they accept you.');
    out.line(`Next: alive-p2p relay add-peer LOGIN${transport === 'git' ? ' --url THEIR_RELAY_URL' : ''}`);
  },
});

/**
 * What a new key pair means while peers are pinned (the user's keys were lost): each pinned peer
 * still has the old key, so their pushes are refused until they accept the new one, and what was
 * sealed to the old key cannot be opened with the new. Undefined when no peer is pinned.
 */
function newKeyWarning(login: string, fingerprint: string, cfg: RelayConfig): string | undefined {
  const pinned = cfg.peers.filter(isPinnedPeer).map((p) => inlineText(p.github, 100));
  if (pinned.length === 0) return undefined;
  const named = pinned.length > SHOWN_PEERS ? `${pinned.slice(0, SHOWN_PEERS).join(', ')} and ${pinned.length - SHOWN_PEERS} more` : pinned.join(', ');
  return (
    `this is a new key, and your pinned peers (${named}) still have your old one: each must accept the new key ` +
    `(\`alive-p2p relay accept ${login} --fingerprint ${fingerprint}\` on their side, after checking the fingerprint with you) before their pushes to you work. ` +
    'Packages sealed to your old key cannot be opened with the new one: ask their senders to push them again.'
  );
}
const SHOWN_PEERS = 10;

/**
 * Setup run again is safe while it names the same relay. Another one (a typo in --url, another
 * remote, another transport) would move the user's mailbox away from where their peers deliver:
 * refused unless --move says it is meant.
 */
function refuseMove(existing: RelayConfig, next: { transport: Transport; url: string | null; apiUrl: string | null; login: string }): void {
  const was = existing.transport ?? 'github';
  const same = was === next.transport && (was === 'git' ? existing.url === next.url : (existing.api_url ?? null) === next.apiUrl);
  if (same) return;
  const old = was === 'git' ? `${existing.url ?? existing.repo} (git)` : `${existing.repo} (github${existing.api_url ? ` at ${existing.api_url}` : ''})`;
  const fresh = next.transport === 'git' ? next.url : `${next.login}/walnut-relay (github${next.apiUrl ? ` at ${next.apiUrl}` : ''})`;
  const accept = `alive-p2p relay accept ${next.login}${next.transport === 'git' ? ' --url NEW_URL' : ''}`;
  throw new AliveError(
    `your relay is already ${inlineText(old)}, where your peers deliver to you; setup with ${inlineText(fresh ?? '')} would move your mailbox there, ` +
      'and what your peers send to the old one would no longer reach you. To move it, run setup again with --move, then give your peers ' +
      `the new relay (each runs \`${accept}\`)`,
    { code: 'already_set_up' },
  );
}

/** What a setup may create under $ALIVE_HOME/relay before relay.json: whether each was there, and the key files' bytes. */
function localFilesOf(paths: RelayPaths) {
  const read = (file: string) => (existsSync(file) ? readFileSync(file) : null);
  return {
    dir: existsSync(paths.dir),
    keysDir: existsSync(paths.keysDir),
    privateKey: read(paths.privateKey),
    publicKey: read(paths.publicKey),
    clone: existsSync(paths.clone),
    work: existsSync(paths.work),
  };
}

/**
 * A setup that failed before relay.json was written takes back what it made: the key pair it
 * generated (a key that was there is kept, a public key it rewrote is put back), the clone and
 * work folder it started, and the relay folder itself when there was none. A clone that was there
 * (a setup run again) is kept.
 */
function undoFailedSetup(paths: RelayPaths, before: ReturnType<typeof localFilesOf>): void {
  const undo = (fn: () => void) => {
    try {
      fn();
    } catch {
      // Best effort: the error of the setup is what the user needs to see.
    }
  };
  if (!before.dir) {
    undo(() => rmSync(paths.dir, { recursive: true, force: true }));
    return;
  }
  for (const [file, bytes, mode] of [
    [paths.privateKey, before.privateKey, 0o600],
    [paths.publicKey, before.publicKey, 0o644],
  ] as const) {
    undo(() => (bytes === null ? rmSync(file, { force: true }) : bytes.equals(readFileSync(file)) || writeFileSync(file, bytes, { mode })));
  }
  if (!before.keysDir) undo(() => rmSync(paths.keysDir, { recursive: true, force: true }));
  if (!before.clone) undo(() => rmSync(paths.clone, { recursive: true, force: true }));
  if (!before.work) undo(() => rmSync(paths.work, { recursive: true, force: true }));
}

function parseTransport(value: string, usageError: (m: string) => never): Transport {
  if (value === 'github' || value === 'git') return value;
  return usageError(`--transport must be github or git, not '${value}'`);
}
