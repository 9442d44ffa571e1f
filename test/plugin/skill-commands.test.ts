/**
 * The skills against the real CLI. Every `alive-p2p …` and `dispatch …` command a skill tells the
 * agent to run must name subcommands and flags that the commands' own definitions have (read from
 * the command groups the entries route, not from a list kept here), and every JSON field a skill
 * tells the agent to read must be in that command's --json output, as a story of real runs prints
 * it (two relay users on the git transport, a package sent, pulled and received, a bus message
 * claimed and answered).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchGroup } from '../../scripts/lib/bus/commands/group.ts';
import { aliveP2pGroup } from '../../scripts/lib/cli/alive-p2p-group.ts';
import { runCaptured, type Command } from '../../scripts/lib/cli/command.ts';
import { migrateRelayCommand } from '../../scripts/lib/relay/commands/migrate-relay.ts';
import { makeUser, writeTestKeys, type TestUser } from '../relay/helpers.ts';
import { asUser, run } from '../relay/in-process.ts';
import { relabelSigner } from '../support/relabel-signer.ts';
import { setKeygenBitsForTests } from '../../scripts/lib/crypto/keys.ts';
import { setReceiverLimitForTests } from '../../scripts/lib/package/receiver-limit.ts';

const SKILLS = join(import.meta.dirname, '..', '..', 'skills');
const TOOLS: Record<string, Command> = { 'alive-p2p': aliveP2pGroup, dispatch: dispatchGroup, 'migrate-relay': migrateRelayCommand };
/** The tool a skill's short forms (`relay status --json`, `create … --json`) belong to. */
const SKILL_TOOL: Record<string, string> = { share: 'alive-p2p', receive: 'alive-p2p', relay: 'alive-p2p', dispatch: 'dispatch' };
/** Flags of other programs a skill names: gh's, in the advice on GitHub Enterprise tokens. */
const FOREIGN_FLAGS = new Set(['--hostname']);
/** Code spans that look like field names but name files (`id_rsa`, a private key's usual name). */
const NOT_FIELDS = new Set(['id_rsa']);

// ---------------------------------------------------------------------------------------------
// The command definitions, walked from the groups (lazy commands loaded).

interface Node {
  /** 'alive-p2p relay status' */
  path: string;
  children?: Map<string, Node>;
  flags?: Set<string>;
}

async function walk(command: Command, path: string): Promise<Node> {
  const c = command.load ? await command.load() : command;
  if (c.commands) {
    const children = new Map<string, Node>();
    for (const sub of c.commands) children.set(sub.name, await walk(sub, `${path} ${sub.name}`));
    return { path, children };
  }
  expect(c.options, `${path} exposes its options`).toBeDefined();
  return { path, flags: new Set(Object.keys(c.options!).map((k) => `--${k}`)) };
}

// ---------------------------------------------------------------------------------------------
// Command lines and field names as the skills write them.

interface SkillText {
  skill: string;
  file: string;
  text: string;
}

function skillTexts(): SkillText[] {
  return Object.keys(SKILL_TOOL).flatMap((skill) =>
    readdirSync(join(SKILLS, skill))
      .filter((f) => f.endsWith('.md'))
      .map((file) => ({ skill, file, text: readFileSync(join(SKILLS, skill, file), 'utf8') })),
  );
}

interface Mention {
  /** Offset in the text, for attributing fields to the command before them. */
  at: number;
  tool: string;
  /** The words after the tool: subcommands, arguments, flags. */
  tokens: string[];
  line: string;
}

/** Code spans and the lines of fenced code blocks (a trailing `\` joins the next line). */
function codePieces(text: string): { at: number; code: string }[] {
  const pieces: { at: number; code: string }[] = [];
  const fence = /^[ \t]*```[^\n]*\n([\s\S]*?)^[ \t]*```/gm;
  let rest = text;
  for (const m of text.matchAll(fence)) {
    const body = m[1]!.replace(/\\\n\s*/g, ' ');
    let offset = m.index! + m[0].indexOf(m[1]!);
    for (const line of body.split('\n')) {
      pieces.push({ at: offset, code: line });
      offset += line.length + 1;
    }
    rest = rest.replace(m[0], ' '.repeat(m[0].length));
  }
  for (const m of rest.matchAll(/`([^`\n]+)`/g)) pieces.push({ at: m.index!, code: m[1]! });
  return pieces.sort((a, b) => a.at - b.at);
}

/** Shell-ish words: quotes kept out, brackets and `|` split off (usage notation). */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/'(?:[^']|'\\'')*'|"[^"]*"|[^\s[\]()|]+/g)) out.push(m[0]);
  return out;
}

function mentions(s: SkillText, groups: Map<string, Node>): Mention[] {
  const found: Mention[] = [];
  // One piece may hold several commands: `…; node "…" receive …`.
  const pieces = codePieces(s.text).flatMap(({ at, code }) => code.split(/;|&&|\|\|/).map((part) => ({ at, code: part.trim() })));
  for (const { at, code } of pieces) {
    const full = /(?:^|[\s(])(?:node "[^"]*\/dist\/([a-z0-9-]+)\.mjs"|(alive-p2p|dispatch)(?![\w.-]))\s*(.*)$/.exec(code);
    if (full) {
      const tool = full[1] ?? full[2]!;
      if (!(tool in TOOLS)) continue;
      found.push({ at, tool, tokens: words(full[3]!), line: code });
      continue;
    }
    // A short form: `relay status --json`, `verify '/x.walnut' --json` (a subcommand of the skill's tool, with a flag).
    const tool = SKILL_TOOL[s.skill]!;
    const first = /^([a-z][a-z-]*)\s/.exec(code)?.[1];
    if (first && groups.get(tool)!.children!.has(first) && /\s--[a-z]/.test(code)) found.push({ at, tool, tokens: words(code), line: code });
  }
  return found;
}

/** The leaf a command line reaches, or a problem. */
function resolve(m: Mention, groups: Map<string, Node>): { leaf?: Node; problem?: string } {
  let node = groups.get(m.tool)!;
  let i = 0;
  while (node.children) {
    const word = m.tokens[i];
    if (word === undefined || /^[<.]/.test(word) || word === 'COMMAND') return {}; // `dispatch.mjs" <command> ...`: the general form
    const next = node.children.get(word);
    if (!next) return { problem: `'${node.path} ${word}' is not a command (${m.line})` };
    node = next;
    i += 1;
  }
  return { leaf: node };
}

function commandFlags(m: Mention): string[] {
  return m.tokens.filter((w) => /^--[a-z]/.test(w)).map((w) => w.replace(/=.*$/, ''));
}

interface FieldRef {
  at: number;
  field: string;
  quote: string;
}

/**
 * Field names a skill tells the agent to read: the keys of a `{a, b, c[]}` shape, the name of
 * `name: value` and of `name[]`, a dotted `a.b`, and a snake_case `name`, each in a code span.
 */
function fieldRefs(text: string, anyKey: ReadonlySet<string> = new Set()): FieldRef[] {
  const refs: FieldRef[] = [];
  for (const { at, code } of codePieces(text)) {
    if (/^\{.*\}$/.test(code.trim())) {
      for (const k of code.matchAll(/[{,]\s*"?([a-z_][a-z0-9_]*)"?(?=\s*(?:[,}:[]|\[\]))/g)) refs.push({ at, field: k[1]!, quote: code });
      continue;
    }
    const named = /^"?([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*)"?(?::\s*\S+|\[\])?$/.exec(code.trim());
    if (!named) continue;
    const field = named[1]!;
    if (NOT_FIELDS.has(field)) continue;
    // A bare word counts when some command prints a field of that name: `done`, `duplicates`.
    if (field.includes('.') || field.includes('_') || /[:[]/.test(code) || (code.trim() === field && anyKey.has(field))) {
      // `.md`, `.pem` and the like are files, not fields.
      if (/\.(?:md|pem|json|yaml|walnut|mjs)$/.test(field)) continue;
      refs.push({ at, field, quote: code });
    }
  }
  return refs;
}

// ---------------------------------------------------------------------------------------------
// The story: what each command prints under --json.

/** Every key and dotted path of a JSON value (array elements contribute their keys). */
function keysOf(value: unknown, prefix = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, prefix, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      into.add(`${prefix}${k}`);
      keysOf(v, `${prefix}${k}.`, into);
    }
  }
  return into;
}

const printed = new Map<string, Set<string>>();
function record(path: string, stdout: string): Record<string, any> {
  const json = JSON.parse(stdout) as Record<string, any>;
  const keys = printed.get(path) ?? new Set<string>();
  keysOf(json, '', keys);
  printed.set(path, keys);
  return json;
}

let base: string;
const FAILURE_FIELDS = ['ok', 'error', 'code', 'message'];

async function alive(user: TestUser, argv: string[], expectOk = true): Promise<Record<string, any>> {
  const r = await run(user, [...argv, '--json'], aliveP2pGroup);
  if (expectOk) expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  const path = ['alive-p2p', ...argv.slice(0, argv[0] === 'relay' ? 2 : 1)].join(' ');
  return record(path, r.stdout);
}

async function dispatch(root: string, argv: string[]): Promise<Record<string, any>> {
  const r = await runCaptured(dispatchGroup, [...argv, '--root', root, '--json']);
  expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  return record(`dispatch ${argv[0]}`, r.stdout);
}

function walnut(user: TestUser, name: string): string {
  const dir = join(user.root, 'world', '04_Ventures', name);
  mkdirSync(join(dir, '_kernel'), { recursive: true });
  writeFileSync(join(dir, '_kernel', 'key.md'), `---\ntype: venture\ngoal: ${name}\n---\n# ${name}\n`);
  writeFileSync(join(dir, '_kernel', 'insights.md'), `# Insights\n`);
  mkdirSync(join(dir, 'launch'));
  writeFileSync(join(dir, 'launch', 'context.manifest.yaml'), 'goal: launch\nsensitivity: open\npii: false\n');
  writeFileSync(join(dir, 'launch', 'notes.md'), 'notes\n');
  return dir;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'alive-skill-commands-'));
  const alice = makeUser(base, 'alice');
  const bob = makeUser(base, 'bob');
  const urls = { alice: join(base, 'remotes', 'alice.git'), bob: join(base, 'remotes', 'bob.git') };
  for (const [u, url] of [
    [alice, urls.alice],
    [bob, urls.bob],
  ] as const) {
    writeTestKeys(u.paths);
    await alive(u, ['relay', 'setup', '--transport', 'git', '--login', u.login, '--url', url]);
  }
  await alive(alice, ['relay', 'add-peer', 'bob', '--url', urls.bob]);
  await alive(bob, ['relay', 'accept', 'alice', '--url', urls.alice]);
  // keygen's --json fields are the point, not the key: an RSA-2048 pair spares a 4096-bit prime search.
  setKeygenBitsForTests(2048);
  await alive(alice, ['keygen', '--out', join(base, 'spare-keys')]).finally(() => setKeygenBitsForTests(undefined));

  const garden = walnut(alice, 'garden');
  const pkg = join(alice.root, 'garden.walnut');
  await alive(alice, ['create', '--walnut', garden, '--scope', 'full', '--output', pkg, '--sign', alice.paths.privateKey]);
  await alive(alice, ['info', pkg]);
  await alive(alice, ['verify', pkg]);
  // A signer line that is not a login (anyone can change it): its name comes under untrusted.
  const relabelled = join(alice.root, 'relabelled.walnut');
  relabelSigner(pkg, relabelled, 'alice (the real one)');
  await alive(alice, ['info', relabelled]);
  await alive(alice, ['verify', relabelled]);
  await alive(alice, ['relay', 'push', pkg, '--to', 'bob']);
  // Again while it waits: the fields of a push that sends nothing (already_waiting).
  expect((await alive(alice, ['relay', 'push', pkg, '--to', 'bob'])).already_waiting).toBe(true);
  // Past what a receiver takes by default (lowered here): the fields of over_receiver_limit.
  setReceiverLimitForTests(10);
  await alive(alice, ['create', '--walnut', garden, '--scope', 'full', '--output', join(alice.root, 'garden-large.walnut')]).finally(() =>
    setReceiverLimitForTests(undefined),
  );
  // Two RSA recipients, format 2.0: one package each, listed in packages[] with their recipient.
  const two = await alive(alice, [
    'create',
    '--walnut',
    garden,
    '--scope',
    'full',
    '--encrypt',
    'rsa',
    '--recipient',
    alice.paths.publicKey,
    '--recipient',
    join(base, 'spare-keys', 'public.pem'),
    '--output',
    join(alice.root, 'garden-rsa.walnut'),
  ]);
  expect(two.packages).toHaveLength(2);
  const snapshot = join(alice.root, 'garden-snapshot.walnut');
  await alive(alice, ['create', '--walnut', garden, '--scope', 'snapshot', '--output', snapshot]);

  await alive(bob, ['relay', 'status']);
  await alive(bob, ['relay', 'inbox']);
  const pulled = await alive(bob, ['relay', 'pull']);
  const got = pulled.received[0].path as string;
  const world = join(bob.root, 'world');
  mkdirSync(join(world, '.alive'), { recursive: true });
  await alive(bob, ['info', got]);
  await alive(bob, ['verify', got, '--private-key', bob.paths.privateKey, '--signer-key', join(bob.paths.keysDir, 'peers', 'alice.pem')]);
  await alive(bob, ['receive', '--dry-run', got, '--world', world]);
  await alive(bob, ['receive', got, '--world', world]);
  await alive(bob, ['receive', snapshot, '--world', world]);
  // A bundle whose name the target walnut already has: it would land under a dated name (conflicts[].imported_as).
  const bundlePkg = join(alice.root, 'launch.walnut');
  await alive(alice, ['create', '--walnut', garden, '--scope', 'bundle', '--bundle', 'launch', '--output', bundlePkg]);
  walnut(bob, 'community');
  const clash = await alive(bob, ['receive', '--dry-run', bundlePkg, '--world', world, '--into', join('04_Ventures', 'community')]);
  expect(clash.conflicts[0].imported_as).toMatch(/^launch-imported-\d{8}$/);
  await alive(bob, ['relay', 'pull']); // nothing waits: the fields of an empty pull
  await alive(bob, ['relay', 'remove-peer', 'alice']);
  // A failure: every command's --json failure object (cli.md section 8).
  await alive(bob, ['info', join(base, 'missing.walnut')], false);
  const failure = printed.get('alive-p2p info')!;
  for (const k of FAILURE_FIELDS) expect(failure.has(k)).toBe(true);

  const bus = join(base, 'bus');
  const sent = await dispatch(bus, ['send', '@claude', 'hello', '--from', '@gemini', '--create']);
  await dispatch(bus, ['inbox', '@claude']);
  await dispatch(bus, ['claim', '@claude', sent.id]);
  await dispatch(bus, ['reply', sent.id, 'hi', '--as', '@claude']);
  await dispatch(bus, ['claim', '@claude']); // nothing waits: {claimed: false}
  await dispatch(bus, ['wait', sent.id, '--timeout', '1']);
  await dispatch(bus, ['show', sent.id]);
  await dispatch(bus, ['thread', sent.id]);
  await dispatch(bus, ['dead-letter', '@claude']);
  await dispatch(bus, ['status']);
  await asUser(alice, async () => undefined); // the queue of user runs is done
}, 120_000);

afterAll(() => {
  rmSync(base, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe('the skills against the CLI', () => {
  let groups: Map<string, Node>;
  beforeAll(async () => {
    groups = new Map();
    for (const [name, c] of Object.entries(TOOLS)) groups.set(name, await walk(c, name));
  });
  const texts = skillTexts();

  it('the definitions are read from the groups, with their options', () => {
    const relay = groups.get('alive-p2p')!.children!.get('relay')!;
    expect([...relay.children!.keys()]).toContain('inbox');
    expect(relay.children!.get('push')!.flags).toContain('--to');
    expect(groups.get('dispatch')!.children!.get('send')!.flags).toContain('--wait');
  });

  for (const s of texts) {
    describe(`${s.skill}/${s.file}`, () => {
      it('runs only commands and flags the CLI defines', () => {
        const found = mentions(s, groups);
        if (s.file === 'SKILL.md') expect(found.length).toBeGreaterThan(2);
        const used = new Set<string>();
        for (const m of found) {
          const { leaf, problem } = resolve(m, groups);
          expect(problem, problem).toBeUndefined();
          for (const flag of commandFlags(m)) {
            if (leaf) expect(leaf.flags!.has(flag), `${leaf.path} has no ${flag} (${m.line})`).toBe(true);
            used.add(flag);
          }
        }
        // A flag named in prose belongs to some command of the skill's tools.
        const every = new Set<string>();
        const collect = (n: Node): void => {
          for (const c of n.children?.values() ?? []) collect(c);
          for (const f of n.flags ?? []) every.add(f);
        };
        for (const tool of new Set([SKILL_TOOL[s.skill]!, ...found.map((m) => m.tool)])) collect(groups.get(tool)!);
        // The skill's own arguments (`argument-hint: "[package.walnut | --relay]"`) are not the CLI's.
        const own = new Set(
          Object.keys(SKILL_TOOL).flatMap(
            (k) => /^argument-hint:(.*)$/m.exec(readFileSync(join(SKILLS, k, 'SKILL.md'), 'utf8'))?.[1]?.match(/--[a-z][a-z0-9-]*/g) ?? [],
          ),
        );
        for (const m of s.text.matchAll(/(?<![\w-])--[a-z][a-z0-9-]*/g)) {
          if (FOREIGN_FLAGS.has(m[0]) || own.has(m[0])) continue;
          expect(every.has(m[0]), `no command of the skill's tools has ${m[0]}`).toBe(true);
        }
      });

      it('puts every value it fills into a command in single quotes', () => {
        // A login, a URL or a name may come from a peer: unquoted, `x;rm -rf ~` or `$(…)` in it would run.
        // Command lines, and the options a skill shows on their own (`--signer-key ~/…/peers/'<signer>'.pem`).
        const options = codePieces(s.text)
          .filter((p) => /^--[a-z]/.test(p.code))
          .map((p) => ({ line: p.code, tokens: words(p.code) }));
        for (const m of [...mentions(s, groups), ...options]) {
          for (const w of m.tokens) {
            if (/^<[a-z]*command>$/.test(w)) continue; // the general form: `alive-p2p relay <subcommand> ...`
            for (const p of w.matchAll(/'(?:[^']|'\\'')*'|<[a-z][^<>]*>/g)) {
              if (p[0].startsWith("'")) continue;
              expect(p[0].includes('|'), `${p[0]} is not in single quotes in ${m.line}`).toBe(true); // <full|bundle|snapshot>: one of our words
            }
          }
        }
      });

      it('reads only JSON fields the command prints', () => {
        const found = mentions(s, groups)
          .map((m) => ({ m, leaf: resolve(m, groups).leaf }))
          .filter((x) => x.leaf && commandFlags(x.m).includes('--json'));
        const sections = [...s.text.matchAll(/^#{1,3} /gm)].map((h) => h.index!);
        const sectionOf = (at: number) => sections.filter((h) => h <= at).length;
        const subcommands = new Set<string>();
        const names = (n: Node): void => {
          for (const [k, c] of n.children ?? []) {
            subcommands.add(k);
            names(c);
          }
        };
        for (const g of groups.values()) names(g);
        const anyKey = new Set([...printed.values()].flatMap((k) => [...k]).filter((k) => !k.includes('.') && !subcommands.has(k)));
        for (const ref of fieldRefs(s.text, anyKey)) {
          const before = found.filter((x) => x.m.at <= ref.at && sectionOf(x.m.at) === sectionOf(ref.at));
          const command = before.at(-1);
          if (!command) continue; // a field named before any command of its section: prose about the format
          const keys = printed.get(command.leaf!.path);
          expect(keys, `the story runs ${command.leaf!.path} --json`).toBeDefined();
          // The --json failure object's fields are every command's (the story checked them above).
          const shown = new Set([...keys!, ...FAILURE_FIELDS]);
          expect(shown.has(ref.field), `${command.leaf!.path} --json prints no '${ref.field}' (${ref.quote}, after ${command.m.line})`).toBe(true);
        }
      });
    });
  }

  it("share: the signing offer names what relay status prints about the user's key pair (it prints no key path)", () => {
    const share = readFileSync(join(SKILLS, 'share', 'SKILL.md'), 'utf8');
    const offer = share.split(/\n\n/).find((p) => p.includes('Offer signing'));
    expect(offer).toBeDefined();
    const status = printed.get('alive-p2p relay status')!;
    const named = fieldRefs(offer!, new Set(status)).map((r) => r.field);
    expect(named.filter((f) => /private_key|fingerprint/.test(f)).length, offer).toBeGreaterThan(0);
    for (const f of named) expect(status.has(f), f).toBe(true);
  });
});
