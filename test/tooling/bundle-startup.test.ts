/**
 * What the command bundles read at start-up (tools/build-options.mjs; timed in bench/startup.ts):
 * `--help` and `dispatch status` load a few small files (status is part of dispatch.mjs), never the commands they do not run, and
 * every import between the files of this run's bundles resolves inside the folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleDir } from '../support/bundles.ts';

const IMPORT = /(?:from|import)\s*["'](\.{1,2}\/[^"']+)["']|import\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g;

/** The relative imports of a bundle file: static ones, and dynamic ones with a literal path. */
function imports(file: string): { static: string[]; dynamic: string[] } {
  const out = { static: [] as string[], dynamic: [] as string[] };
  for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (m[1]) out.static.push(join(dirname(file), m[1]));
    if (m[2]) out.dynamic.push(join(dirname(file), m[2]));
  }
  return out;
}

/** The files a start that runs `file` reads before any dynamic import: it and its static imports. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const f of imports(file).static) staticClosure(f, seen);
  return seen;
}

const bytes = (files: Set<string>) => [...files].reduce((sum, f) => sum + statSync(f).size, 0);

describe('command bundles at start-up', () => {
  it('every relative import of every bundle file names a file of the folder', () => {
    const dir = bundleDir();
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.endsWith('.mjs')).map((f) => join(dir, f));
    expect(files.some((f) => f.includes(`${join(dir, 'chunks')}/`))).toBe(true);
    for (const f of files) {
      const { static: s, dynamic: d } = imports(f);
      for (const target of [...s, ...d]) expect(existsSync(target), `${f} imports ${target}`).toBe(true);
    }
  });

  it('alive-p2p --help reads one file, its entry with the command factory, not the commands (under 16 KB)', () => {
    const loaded = staticClosure(join(bundleDir(), 'alive-p2p.mjs'));
    expect([...loaded].map((f) => f.slice(bundleDir().length + 1))).toEqual(['alive-p2p.mjs']);
    expect(bytes(loaded)).toBeLessThan(16 * 1024);
    const text = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/ZodError|YAMLParseError|Octokit/);
  });

  it('dispatch status is inside the entry: it reads one file, under 40.75 KiB, and no other command', () => {
    const entry = join(bundleDir(), 'dispatch.mjs');
    expect(existsSync(join(bundleDir(), 'chunks', 'bus-status.mjs'))).toBe(false);
    const loaded = staticClosure(entry);
    expect([...loaded].map((f) => f.slice(bundleDir().length + 1))).toEqual(['dispatch.mjs']);
    // 32 KiB until 2026-12-05, when status came to count the claims of daemons that are gone
    // (gone_claims: the host tag's check, 0.9 KB), the factory to name an option's values, and
    // status to tell a daemon.json naming a live process that is no daemon (pid 1) from a daemon.
    // 36 KiB until status refused a root with no runtimes/ (no_bus) and named the receiver a
    // mistyped one likely meant (unknownReceiver, closestName: 2.5 KB). 38 KiB until status listed
    // each folder up to busListMax names and said a count past it is partial (list-bound.ts: 1.5 KB).
    // 40 KiB until the factory refused an option given twice with two values, and said to put --
    // before text that starts with '-' (0.75 KB), and status opened at most receiverFoldersMax
    // receiver folders to order its rows, the receivers every bus has first, and said how many it
    // did not read (20,000 empty folders planted under runtimes/ had it open each one: 0.8 KB),
    // and a claim naming this process's pid held only when this process made it (0.3 KB). 42 KiB
    // until status told answers in an inbox from messages waiting (2026-12-06): the header reader
    // and the words for answers are a bundle of their own (chunks/bus-inbox-answers.mjs, 2.5 KB),
    // loaded only when an inbox holds a file; the entry reads the heads of at most 200 inbox files
    // while their folder is open, and loads that bundle (42,765 -> 43,386 bytes). 39.75 KiB since the
    // entry is built without keepNames (tools/build-options.mjs UNNAMED_ENTRIES): 43,518 -> 40,253 bytes.
    // 40.5 KiB since status counts a daemon.json naming a live serve only when that serve's bus, as
    // /proc shows it found it, is this one (serving.ts servesRoot, 2026-12-08: 40,501 -> 41,228 bytes).
    // 40.75 KiB since status names a config.json its receiver's commands refuse (not a regular
    // file, not JSON: status.ts configRefused, 0.4 KB).
    expect(bytes(loaded)).toBeLessThan(40.75 * 1024);
    expect(imports(entry).dynamic).toContain(join(bundleDir(), 'chunks', 'bus-inbox-answers.mjs'));
    expect(imports(entry).dynamic).toContain(join(bundleDir(), 'chunks', 'bus-send.mjs'));
    expect(readFileSync(entry, 'utf8')).not.toMatch(/ZodError|McpServer|parseProgram/);
  });

  it('dispatch serve, run and repl, which run for long, share one bundle, and show, thread and inbox another; the other commands have their own', () => {
    const entry = join(bundleDir(), 'dispatch.mjs');
    const chunk = (name: string) => join(bundleDir(), 'chunks', `bus-${name}.mjs`);
    expect(imports(entry).dynamic).toContain(chunk('long-running'));
    // inbox with show and thread since 2026-12-07 (they share the message reader): 27 KB of dist/'s 2 MB.
    for (const name of ['serve', 'run', 'repl', 'thread', 'inbox']) expect(existsSync(chunk(name)), name).toBe(false);
    for (const name of ['send', 'wait', 'show', 'claim', 'reply']) expect(imports(entry).dynamic, name).toContain(chunk(name));
  });

  it("dispatch mcp's server holds no Ajv: the SDK validates JSON Schemas for elicitation only, which it never does", () => {
    const text = readFileSync(join(bundleDir(), 'dispatch-mcp.mjs'), 'utf8');
    // Ajv's own error classes and options (the SDK's default validator) are left out of the bundle...
    expect(text).not.toMatch(/MissingRefError|strictSchema|ajv-formats/);
    // ...and what stands in for it fails at once if the SDK ever builds it (no-ajv.ts).
    expect(text).toContain('alive bundles the MCP server without Ajv');
  });

  it("dispatch mcp's server holds no Zod 3: every schema it gives the SDK is a Zod 4 one", () => {
    const text = readFileSync(join(bundleDir(), 'dispatch-mcp.mjs'), 'utf8');
    // Zod 3's schema classes and its JSON Schema converter (zod-to-json-schema) are left out...
    expect(text).not.toMatch(/ZodEffects|parseAnyDef/);
    // ...and what stands in for them fails at once if the SDK is ever given a Zod 3 schema (no-zod-v3.ts).
    expect(text).toContain('alive bundles the MCP server without Zod 3');
  });

  it('extract and verify load the package reader only: not yaml or zod, not what creating a package needs', () => {
    const entry = join(bundleDir(), 'alive-p2p.mjs');
    for (const command of ['extract', 'verify']) {
      const chunk = join(bundleDir(), 'chunks', `package-${command}.mjs`);
      expect(imports(entry).dynamic).toContain(chunk);
      const loaded = staticClosure(chunk, staticClosure(entry));
      const text = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
      // zod validates a v3 RSA envelope only: that package kind loads it when it meets one.
      expect(text, command).not.toMatch(/YAMLParseError|ZodError|writeTarGz|sealPackageForPeer/);
      expect(bytes(loaded), command).toBeLessThan(192 * 1024);
    }
  });

  it('receive loads no YAML parser: only a v1 capsule (its conversion) or a bundle sensitivity check needs one', () => {
    const entry = join(bundleDir(), 'alive-p2p.mjs');
    const chunk = join(bundleDir(), 'chunks', 'receive-receive.mjs');
    expect(imports(entry).dynamic).toContain(chunk);
    const loaded = staticClosure(chunk, staticClosure(entry));
    const text = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/YAMLParseError|writeTarGz|sealPackageForPeer/);
    // The capsule converter (and the parser) is a chunk of its own, which receive imports when a package has capsules.
    const converter = [...loaded].flatMap((f) => imports(f).dynamic).filter((f) => /\/v1-[A-Z0-9]+\.mjs$/.test(f));
    expect(converter).toHaveLength(1);
    expect(loaded.has(converter[0]!)).toBe(false);
    // 256.4 KiB with preflight's check of what lies below .alive/ (held-back links); 257.5 KiB with
    // the warning for a 2.1 package opened under an older passphrase derivation; 258.1 KiB with
    // the agent-file list's *.code-workspace and .lfsconfig (their reasons are shown to the user);
    // 259.8 KiB with a bus receiver's other folders and daemon record, and R's, GHCi's, Maven's, uv's
    // and Bundler's start-up files (review of 2026-12-07); 260.6 KiB with R's .Renviron and the bus's
    // counters and files being written (.attempts/, .rate/, .rate-served/, .tmp/: a second review);
    // 263.1 KiB with pi's, iFlow's, Qoder's and six more agents' files, MSBuild's, NuGet's, .NET's,
    // pnpm's and Deno's configuration, and five more agents' ignore files (a third review).
    // 264.25 KiB with a duplicate's way on (--force --as NEW_NAME) and an --into from the current
    // folder named as such (a daily-use review of 2026-12-08: 54 bytes over); 265.25 KiB with
    // --signer-key, a signature checked against a key the user gives (receive/crypto.ts, 0.9 KB);
    // 265.5 KiB with a snapshot shown recorded as received in the relay folder (0.4 KB); 265.75 KiB
    // with the way on after a file that is not what the manifest says (ask the sender again);
    // 266.25 KiB with --max-size taking a unit (cli/byte-size.ts, 0.45 KB); 266.5 KiB with a
    // snapshot's signature checked against --signer-key too (47 bytes over).
    expect(bytes(loaded)).toBeLessThan(266.5 * 1024);
  });

  it('relay --help loads no relay command, and the relay commands that handle no package load no tar, yaml or Octokit', () => {
    const entry = join(bundleDir(), 'alive-p2p.mjs');
    const group = join(bundleDir(), 'chunks', 'relay-cli.mjs');
    expect(imports(entry).dynamic).toContain(group);
    const forHelp = staticClosure(group, staticClosure(entry));
    // The entry's command factory and the group: 19.8 KB with the factory's fast argument reader,
    // its --json escaping (jsonText), the options each command exposes to the skills' test, and
    // the closest-name search that suggests a mistyped command (1 KB, in the entry and the group),
    // the printing of an error's untrusted detail, drawn where it is thrown (0.2 KB), and the home
    // folder read from $HOME without node:os (0.1 KB, fs/node-fs.ts), the Windows device names
    // a login or a relay file name must not be (0.4 KB, fs/windows-names.ts), and the --json
    // result too large for one JSON text refused in our words (0.3 KB, cli/command.ts), and every
    // default-ignorable code point among the characters escaped (text/untrusted.ts, 0.1 KB), and
    // an option given twice with two values refused (0.2 KB), and state.json's field for a peer's
    // relay URL the user's git config rewrites (relay/state.ts: 70 bytes over); 22 KiB until
    // 2026-12-07, when each lazy built-in came to share one proxy maker per bundle (15 KB less in
    // dist/ as a whole, 60 bytes more here, where two built-ins share it).
    expect(bytes(forHelp)).toBeLessThan(22.25 * 1024);
    const commandChunks = imports(group).dynamic;
    for (const command of ['setup', 'add-peer', 'accept', 'remove-peer', 'status', 'inbox']) {
      // esbuild names a chunk that one dynamic import loads after its module: chunks/<command>-<hash>.mjs.
      const chunk = commandChunks.find((f) => new RegExp(`/chunks/${command}-[A-Z0-9]+\\.mjs$`).test(f));
      expect(chunk, `relay ${command} is a chunk of its own`).toBeDefined();
      const loaded = staticClosure(chunk!, new Set(forHelp));
      const text = [...loaded].map((f) => readFileSync(f, 'utf8')).join('\n');
      // The library's classes, not the transport that imports Octokit when a GitHub relay is opened.
      expect(text, command).not.toMatch(/YAMLParseError|Minipass|OctokitWithDefaults/);
      // 96 KiB until 2026-12-05, when the JSON files and key files came to be read without waiting
      // on a FIFO (fs/small-file.ts, 3 KB): `status` reads both; 100 KiB until the package reader
      // put a sender's names that are not plain in a fence (text/fence.ts senderText) and pinning
      // refused a key pinned for another login (key_in_use), on the same day; 104 KiB until the git
      // transport refused URLs of other transports (the forms accepted, GIT_ALLOW_PROTOCOL), never
      // let an askpass program run and bounded git's memory (0.5 KB over), the same day; 106 KiB
      // until 2026-12-06, when the git transport came to carry tree entries as bytes (runGitBytes,
      // 0.5 KB: `status` was 90 bytes under the bound before); 107 KiB until the same day's
      // compaction of the local clone (clone-users.ts, 2 KB: the check a fetch makes and the
      // markers; the compaction itself is a chunk loaded only when one is due); 110 KiB until the
      // same day, when `status` came to count the packages pull saved unverified (relay/unverified-saved.ts
      // and its Pulled: lines, 1.3 KB); 112 KiB until the same day, when `status` came to count what
      // waits by folder and say it is only said to be from the peer until pull verifies it
      // (relay/folder-words.ts and status --json `inbox`, 0.6 KB: 200 bytes over); 113 KiB until the
      // same day, when git came to talk to a relay at the URL alive was given whatever the user's
      // url.<base>.insteadOf says (0.3 KB; the check and its refusal are a chunk loaded when a
      // command first talks to a relay: `status` was 58 bytes under the bound before); 114 KiB
      // until the same day, when setup came to refuse a repository that is not the user's relay (the
      // git transport's call of the check and its error code, 0.3 KB; the check is a chunk of its own);
      // 114.5 KiB until the same day, when the probe and `status` came to say that a relay set up
      // before that check is someone else's or another repository (the transport's call, the probe's
      // state field and status's problem and fence, 0.7 KB; the judgement, relay-origin.ts, is a chunk);
      // 115 KiB until the same day, when the probe came to end that judgement at its deadline (36 bytes over);
      // 115.25 KiB until the same day, when `status` and `inbox` came to count what pull saved and
      // verified that the world has not received (their --json `pulled` and Pulled: lines, 0.4 KB;
      // the count, commands/pulled.ts, is a chunk); 115.75 KiB until the same day, when the git
      // transport came to have a relay judged the user's recorded as setup checked (its call, 0.15 KB:
      // 21 bytes over; the record itself is in relay-origin.ts, a chunk); 116 KiB until the same day,
      // when the relay's git came to run without git's pathspec variables and its history queries with
      // their log output in UTF-8 (git-run.ts, 148 bytes over); 116.25 KiB until the same day, when
      // `status` and `inbox` came to count a pulled package received into any of the user's worlds as
      // received (their Pulled: line's words, 32 bytes over; the record is read in the count's chunk);
      // 116.5 KiB until 2026-12-07, when a pull's clean-up came to push first on the tip its listing
      // fetched, fetching again only when that push loses a race (git-transport.ts remove, 0.3 KB; a
      // fetch of a relay in a folder is four git processes), and setup run again came to tell the key
      // published already by its id computed here, with no hash-object (the call in publishKey,
      // 0.1 KB; blob-sha.ts is a chunk loaded there): 290 bytes over in all; 117 KiB until the same
      // day, when pinning's key_in_use refusal came to blame neither login and say what to do when
      // either holds the copy (pin.ts, 0.3 KB: 63 bytes over); 117.25 KiB until the same day, when
      // the probe came to fetch no more into a clone past the slack and one fetch, and a listing
      // that crashes git on a folder nested too deep to say so (git-transport.ts, 0.8 KB: 191 bytes over);
      // 117.5 KiB until 2026-12-08, when every git run that crashes came to say why it commonly does
      // on a relay and what to do (git-run.ts DEEP_TREE_CRASH, shared with that listing: 56 bytes over).
      expect(bytes(loaded) - bytes(forHelp), command).toBeLessThan(117.75 * 1024);
    }
  });

  it('dispatch.mjs and the hooks construct no RegExp from text (esbuild writes \\p{…} literals so, and they would run at load)', () => {
    for (const name of ['dispatch', 'log-guardian', 'relay-check']) {
      expect(readFileSync(join(bundleDir(), `${name}.mjs`), 'utf8'), name).not.toMatch(/new RegExp\(/);
    }
  });

  it('dispatch send reads zod only when a receiver has a config.json (its schema is a bundle of its own)', () => {
    // send's bundle and the chunks it shares with the other commands, as it loads them.
    const loaded = [...staticClosure(join(bundleDir(), 'chunks', 'bus-send.mjs'))];
    expect(loaded.map((f) => readFileSync(f, 'utf8')).join('\n')).not.toMatch(/ZodError|\$ZodType/);
    expect(loaded.flatMap((f) => imports(f).dynamic)).toContain(join(bundleDir(), 'chunks', 'bus-config-schema.mjs'));
  });

  it('no command bundle imports a Node built-in as an ES module (each loads at its first use)', () => {
    const dir = bundleDir();
    const hooks = new Set(['log-guardian.mjs', 'log-guardian-shell.mjs', 'relay-check.mjs']);
    for (const f of (readdirSync(dir, { recursive: true }) as string[]).filter((x) => x.endsWith('.mjs') && !hooks.has(x))) {
      expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/(?:from|import)\s*["'](?:node:)?(?:fs|path|crypto|module|os|util|child_process|zlib)["']/);
    }
  });
});
