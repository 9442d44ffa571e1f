/**
 * A relay in a local folder, as `relay setup` makes it (git transport): the bare repository made
 * when nothing is there, its serving settings made sure of on every setup, and the repository
 * taken back when the setup that made it fails. Loaded by GitTransport.setup only.
 */
import { appendFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { AliveError, messageOf } from '../errors.ts';
import { GitError, inRepository, runGit } from './git-run.ts';

const LOCAL_TIMEOUT_MS = 60_000;

/** A bare repository initLocalBareRepo made: at `path`, in a folder that was empty, or in `top`, the first of its folders that did not exist. */
export interface MadeRepository {
  path: string;
  top: string | null;
}

/** Makes a bare repository at a local path if nothing is there (or an empty folder); null when one was there. */
export async function initLocalBareRepo(path: string): Promise<MadeRepository | null> {
  if (!isAbsolute(path)) throw new AliveError(`relay path must be absolute: ${path}`, { code: 'bad_url' });
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) throw new AliveError(`${path} exists and is not a folder`, { code: 'bad_url' });
    if (readdirSync(path).length > 0) {
      const r = await runGit([inRepository(path), 'rev-parse', '--is-bare-repository'], { cwd: path, okCodes: [0, 128] });
      if (r.code !== 0 || r.stdout.trim() !== 'true') {
        throw new AliveError(`${path} is neither empty nor a bare Git repository; give an empty folder or a bare repository`, {
          code: 'bad_url',
        });
      }
      return null;
    }
  }
  const made = { path, top: firstMissing(path) };
  await runGit(['init', '--quiet', '--bare', '--initial-branch=main', path], { timeoutMs: LOCAL_TIMEOUT_MS });
  // Added to the config file git init just made, rather than by a `git config` process each.
  appendFileSync(join(path, 'config'), RELAY_SERVING_CONFIG);
  return made;
}

/**
 * Refuses the bare repository at `relay.url` when it is not `login`'s relay (not-your-relay.ts), read
 * in place: setup writes its serving settings into a repository that was there before it fetches.
 */
export async function refuseNotYourRelay(relay: {
  url: string;
  branch: string;
  login: string;
  setUpBefore?: boolean | undefined;
  setupChecked?: boolean | undefined;
}): Promise<void> {
  const path = relay.url;
  const git = async (args: string[]) =>
    (await runGit([inRepository(path), ...args], { timeoutMs: LOCAL_TIMEOUT_MS, maxStdoutBytes: LISTING_MAX_BYTES })).stdout;
  const tip = (await git(['for-each-ref', '--format=%(objectname)', `refs/heads/${relay.branch}`])).trim();
  const { refuseGitRepository } = await import('./not-your-relay.ts');
  await refuseGitRepository(relay, tip || null, ['for-each-ref', '--count=1', 'refs/heads/'], git, path);
}

/** What a listing of a relay in a folder may print (as the transport's listings). */
const LISTING_MAX_BYTES = 32 * 1024 * 1024;

/** The first folder of `path` (itself included) that does not exist; null when it does. */
function firstMissing(path: string): string | null {
  let missing: string | null = null;
  for (let p = path; !existsSync(p); p = dirname(p)) {
    missing = p;
    if (dirname(p) === p) break;
  }
  return missing;
}

/**
 * Takes back a repository initLocalBareRepo made for a setup that then failed, while no ref is in
 * it (nothing was pushed there, by this setup or anyone): the folders it made, or the contents of
 * the empty folder it was given. Best effort: the setup's own error is what the user needs to see.
 */
export async function undoLocalBareRepo(made: MadeRepository): Promise<void> {
  try {
    const refs = await runGit([inRepository(made.path), 'for-each-ref', '--count=1'], { timeoutMs: LOCAL_TIMEOUT_MS });
    if (refs.stdout.trim() !== '') return;
    if (made.top !== null) rmSync(made.top, { recursive: true, force: true });
    else for (const name of readdirSync(made.path)) rmSync(join(made.path, name), { recursive: true, force: true });
  } catch {
    // left as it is: a later setup with the same --url uses it
  }
}

/**
 * What a relay in a folder serves with: blob-less fetches and fetches by id (`required`: set to
 * this whatever the repository says), and no recompression of packages that are compressed already
 * (set only where the owner chose nothing).
 */
const RELAY_SERVING = [
  { section: 'uploadpack', name: 'allowFilter', value: 'true', required: true },
  { section: 'uploadpack', name: 'allowAnySHA1InWant', value: 'true', required: true },
  { section: 'core', name: 'compression', value: '0', required: false },
  { section: 'pack', name: 'window', value: '0', required: false },
] as const;

/** RELAY_SERVING as config file text, appended to the config `git init` just made (no process each). */
const RELAY_SERVING_CONFIG = RELAY_SERVING.map((s) => `[${s.section}]\n\t${s.name} = ${s.value}\n`).join('');

/** A git boolean that reads as true (a key without a value is true). */
function gitTrue(value: string | undefined): boolean {
  return value !== undefined && /^(true|yes|on|1|)$/i.test(value.trim());
}

/**
 * Makes sure the bare repository at `path` has RELAY_SERVING (every setup, so a repository the
 * user made, or one whose setup was interrupted after `git init`, gets them): reads its own config
 * in one git, sets only what is missing. What cannot be set is said in the returned warning:
 * the relay works, but a listing that meets a package over 64 MiB is refused until it is set.
 */
export async function ensureServingConfig(path: string): Promise<string | undefined> {
  const keys = RELAY_SERVING.map((s) => `${s.section}.${s.name}`.toLowerCase().replace(/\./g, '\\.'));
  const r = await runGit([inRepository(path), 'config', '--local', '--get-regexp', `^(${keys.join('|')})$`], {
    timeoutMs: LOCAL_TIMEOUT_MS,
    okCodes: [0, 1],
  });
  const current = new Map<string, string>();
  for (const line of r.stdout.split('\n')) {
    const m = /^(\S+)(?: (.*))?$/.exec(line);
    if (m) current.set(m[1]!, m[2] ?? '');
  }
  const missing = RELAY_SERVING.filter((s) => {
    const value = current.get(`${s.section}.${s.name}`.toLowerCase());
    return s.required ? !gitTrue(value) : value === undefined;
  });
  const failed: string[] = [];
  let why = '';
  for (const s of missing) {
    const key = `${s.section}.${s.name}`;
    try {
      await runGit([inRepository(path), 'config', '--local', key, s.value], { timeoutMs: LOCAL_TIMEOUT_MS });
    } catch (err) {
      failed.push(key);
      why ||=
        err instanceof GitError && /could not lock config file/i.test(err.stderr)
          ? `its config is locked (${join(path, 'config.lock')}: another git is writing it, or a git that was stopped left the lock; remove that file if no git runs there)`
          : `git config failed (${err instanceof GitError ? err.message.replace(/;.*$/, '') : messageOf(err)}): check that you can write ${join(path, 'config')}`;
    }
  }
  if (failed.length === 0) return undefined;
  const commands = RELAY_SERVING.filter((s) => failed.includes(`${s.section}.${s.name}`))
    .map((s) => `\`git --git-dir=${path} config ${s.section}.${s.name} ${s.value}\``)
    .join(', ');
  return (
    `your relay ${path} is set up, but ${failed.join(', ')} could not be set in it: ${why}. ` +
    `Until ${failed.length === 1 ? 'it is' : 'they are'} set, a listing or pull that meets a package over 64 MiB fails (relay_ignores_filter). ` +
    `Run ${commands}, or \`alive-p2p relay setup\` again once the cause is fixed`
  );
}
