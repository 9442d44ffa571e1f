/**
 * Files that instruct or configure an AI agent, an editor or a shell when they sit in a folder
 * someone works in. A peer's package must not plant them in the receiver's world unasked (receive
 * holds them back), and `create` names them when it packs them.
 *
 * One list, matched on every path segment at any depth and case-insensitively on every system
 * (a package made on Linux may be received on macOS or Windows, whose file systems ignore case;
 * holding back `claude.md` on Linux costs nothing because held-back files are kept, not lost).
 * docs/receive.md documents the list; keep the two in step.
 */
import { trimEndOf } from '../text/trim.ts';
import { caseFold } from '../fs/name-fold.ts';
import { counted } from '../text/plural.ts';
import { senderName } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';
import { BUNDLE_MANIFEST } from './layout.ts';

export interface AgentFileRule {
  /** The name as users know it (`CLAUDE.md`, `.claude/`, `.vscode/tasks.json`). */
  name: string;
  /** Why a file there steers someone's tools. */
  why: string;
}

interface Rule extends AgentFileRule {
  /** Lower-case path segments that must appear consecutively: a name, or a pattern for one with `*`. */
  segments: Array<string | RegExp>;
  /** Anything below the last segment matches too (a folder rule). */
  folder: boolean;
}

/** The segments of a name; `*` in a segment stands for one or more characters (`AGENTS.*.md`). */
function segmentsOf(name: string): Array<string | RegExp> {
  return name
    .toLowerCase()
    .split('/')
    .map((s) => (s.includes('*') ? new RegExp(`^${s.split('*').map(escapeRegExp).join('.+')}$`) : s));
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function file(name: string, why: string): Rule {
  return { name, why, segments: segmentsOf(name), folder: false };
}

function folder(name: string, why: string): Rule {
  return { name: `${name}/`, why, segments: segmentsOf(name), folder: true };
}

const RULES: readonly Rule[] = [
  file('CLAUDE.md', 'Claude Code loads it as instructions, also from sub-folders as soon as it reads a file there'),
  file('CLAUDE.local.md', "Claude Code loads it as the user's private instructions"),
  file('CLAUDE.*.md', 'other variants of CLAUDE.md, which a tool or an import may be set to load'),
  folder('.claude', 'Claude Code settings (hooks run shell commands, permissions), commands, agents and skills'),
  file('.mcp.json', 'declares MCP servers: programs an agent starts and whose tools it calls'),
  file('AGENTS.md', 'instructions for Codex, Copilot, Cursor, Amp and other agents that follow the AGENTS.md convention'),
  file('AGENT.md', 'the same convention under its singular name (Amp and others)'),
  file('AGENTS.override.md', 'Codex reads it before AGENTS.md in each folder (holding back AGENTS.md alone would leave it in effect)'),
  file('AGENTS.*.md', 'other variants of AGENTS.md, which an agent may be set to read'),
  folder('.amp', 'Amp workspace settings (`.amp/settings.json`: permissions, MCP servers), found by searching up from the folder it runs in'),
  folder(
    '.agents',
    'the agent folder several tools share: skills (instructions and scripts) Codex and GitHub Copilot load, and rules, workflows, hooks (commands) and MCP servers (`.agents/mcp_config.json`) that Google Antigravity and others read',
  ),
  folder('.agent', 'Google Antigravity rules and workflows (`.agent/rules/`, `.agent/workflows/`), under the older singular name'),
  folder('.factory', 'Factory Droid settings (hooks run shell commands), MCP servers (`.factory/mcp.json`), custom droids and commands'),
  folder('.vibe', 'Mistral Vibe configuration (`.vibe/config.toml`: MCP servers it starts, tool permissions), agents and prompts'),
  folder('.codex', 'Codex CLI configuration and instructions'),
  file('GEMINI.md', 'Gemini CLI loads it as instructions, also from sub-folders'),
  folder('.gemini', 'Gemini CLI settings (MCP servers, tools) and instructions'),
  folder('.cursor', 'Cursor rules (instructions) and its MCP configuration'),
  file('.cursorrules', 'Cursor instructions (the older single-file form)'),
  file('.windsurfrules', 'Windsurf instructions'),
  file('.rules', "Zed loads it as instructions for its agent (before the other tools' names)"),
  folder('.windsurf', 'Windsurf rules and workflows'),
  file('.clinerules', 'Cline instructions (a file or a folder of rules)'),
  folder('.clinerules', 'Cline instructions (a file or a folder of rules)'),
  file('.clinerules-*', 'Roo Code mode-specific rules under their older name (`.clinerules-code`, ...)'),
  folder('.roo', 'Roo Code rules and modes'),
  file('.roorules', 'Roo Code (and Kilo Code) workspace rules in their single-file form'),
  file('.roorules-*', 'Roo Code mode-specific rules in their single-file form (`.roorules-code`, ...)'),
  file('.roomodes', 'Roo Code project modes: role definitions, instructions and the tools each mode may use'),
  folder('.kilocode', 'Kilo Code rules, workflows and MCP servers (`.kilocode/mcp.json`: programs it starts)'),
  file('.kilocoderules', 'Kilo Code rules in their older single-file form'),
  folder('.kilo', 'Kilo Code configuration (MCP servers, instructions), rules, agents and skills'),
  file('kilo.json', 'Kilo Code configuration: MCP servers (commands it starts) and instruction files'),
  file('kilo.jsonc', 'Kilo Code configuration, in its commented form'),
  folder('.continue', 'Continue configuration, rules and MCP servers'),
  file('.continuerc.json', "Continue's workspace configuration, merged into the user's"),
  folder('.sourcegraph', 'Sourcegraph Cody rules (`.sourcegraph/*.rule.md`), added to its prompts'),
  file('.voidrules', 'Void loads it as instructions for its agent'),
  folder('.amazonq', 'Amazon Q rules and MCP configuration'),
  folder('.junie', 'JetBrains Junie guidelines'),
  folder('.aiassistant', 'JetBrains AI Assistant project rules (`.aiassistant/rules/`), added to every chat by default'),
  folder('.kiro', 'Kiro steering files, hooks and MCP configuration'),
  folder('.trae', 'Trae project rules (`.trae/rules/`)'),
  folder('.tabnine', 'Tabnine agent guidelines (`.tabnine/guidelines/`), which it takes as custom system prompts'),
  folder('.augment', 'Augment rules and guidelines (`.augment/rules/`), read by its IDE agent and the Auggie CLI'),
  file('.augment-guidelines', 'Augment workspace guidelines (the older single-file form)'),
  file('.aider.conf.yml', 'aider configuration, which can name commands to run (lint, test)'),
  file(
    '.aider.model.settings.yml',
    "aider loads it from the working folder and the git root: a model's `extra_params` can send requests, with the user's key, to another API base",
  ),
  file('.aider*', "aider's other files (`.aider.model.metadata.json`, `.aiderignore`, its chat history, which it can restore into a chat)"),
  folder('.aider*', "aider's other files (`.aider.model.metadata.json`, `.aiderignore`, its chat history, which it can restore into a chat)"),
  file('.github/copilot-instructions.md', 'GitHub Copilot loads it as instructions'),
  folder('.github/instructions', 'GitHub Copilot path-specific instructions'),
  folder('.github/prompts', 'GitHub Copilot prompt files'),
  folder('.github/chatmodes', 'GitHub Copilot chat modes (instructions and tool sets)'),
  folder('.github/agents', 'GitHub Copilot custom agents: prompts, tools and MCP servers'),
  folder('.github/skills', 'GitHub Copilot agent skills: instructions and scripts it loads'),
  folder('.github/hooks', 'GitHub Copilot hooks: shell commands its agents run at session start, before a tool, ...'),
  folder(
    '.github/copilot',
    'GitHub Copilot CLI repository settings (`settings.json`, `settings.local.json`): hooks (shell commands it runs at session start, before a tool, ...) and tool permissions',
  ),
  folder(
    '.gitlab/duo',
    'GitLab Duo workspace configuration: `mcp.json` declares MCP servers (commands its IDE extensions start), `chat-rules.md` rules added to every chat',
  ),
  file('.vscode/tasks.json', 'VS Code tasks can run shell commands when the folder is opened'),
  file('.vscode/settings.json', 'VS Code settings can add agent instructions, MCP servers, terminal environment and auto-approved commands'),
  file('.vscode/mcp.json', 'declares MCP servers for VS Code agents'),
  file(
    '*.code-workspace',
    'a VS Code workspace file: opened, its settings (agent instructions, MCP servers, terminal environment) and tasks (shell commands, some run as it opens) apply',
  ),
  folder('.zed', 'Zed project settings (MCP servers, language servers, formatter commands) and tasks (shell commands)'),
  folder(
    '.helix',
    'Helix workspace configuration: `languages.toml` names language servers, commands it starts as soon as a file is opened (before its 2026 workspace trust, unasked)',
  ),
  folder(
    '.devcontainer',
    'dev container configuration: lifecycle commands (initializeCommand runs on the host, postCreateCommand in the container) and the files they use',
  ),
  file('.devcontainer.json', 'dev container configuration at the folder root, with the same lifecycle commands'),
  folder('.idx', 'Firebase Studio: airules.md instructs Gemini, dev.nix sets up the workspace (commands run on create and start included)'),
  file('.idea/project.prompts.xml', "Android Studio's Gemini project rules, added to every prompt"),
  file(
    '.gitattributes',
    "git reads it for every file below it, unasked: in a world kept in git, `* !filter` turns off the world's clean filter (git-crypt's encryption of what is written there later), and `filter=`, `diff=`, `merge=` pick drivers the user configured",
  ),
  file(
    '.lfsconfig',
    "Git LFS reads it at the top of a repository (a walnut kept in git as its own): `lfs.url` sends the large files pushed and fetched, and the user's credentials for them, to another server",
  ),
  file(
    '.cargo/config.toml',
    'cargo reads it from the folder it runs in and every folder above: a `runner`, `rustc-wrapper` or alias there runs commands in any project below it',
  ),
  file('.cargo/config', 'the same cargo configuration under its older name'),
  file('.pdbrc', "Python's debugger runs its lines as commands (Python code included) when it starts in that folder"),
  file('.pryrc', "Pry loads it as Ruby code when it starts in that folder (a per-project file beside the user's own)"),
  file('.yarnrc.yml', 'Yarn reads it from the folder and those above: `yarnPath` names a script Yarn runs for every command'),
  file('.yarnrc', "Yarn 1's configuration: `yarn-path` names a script it runs for every command"),
  file(
    '.npmrc',
    "npm reads it in a project's folder, and in the folder it runs in when no package.json is above: `script-shell` and `node-options` choose what every script runs, `registry` where packages come from",
  ),
  file('.pnpmfile.cjs', 'pnpm runs its hooks (code) on every install in the folder of the lockfile beside it'),
  file('bunfig.toml', 'Bun reads it from the folder it runs in and those above: its `preload` scripts run before `bun run` and `bun test`'),
  file('.irbrc', 'IRB loads it as Ruby code when it starts in that folder and the user has no .irbrc of their own'),
  file('.Rprofile', "R runs it as R code when it starts in that folder (before the user's own, in its place)"),
  file('.Renviron', "R reads its variables when it starts in that folder: R_PROFILE_USER there names any file to run as the user's profile"),
  file('.ghci', 'GHCi runs its lines as commands when it starts in that folder (`:!` runs shell commands)'),
  folder(
    '.mvn',
    'Maven reads it from the project folder and those above: `jvm.config` options (`-javaagent:` runs code), `extensions.xml` loads code, the wrapper downloads Maven from the URL it names',
  ),
  file('uv.toml', 'uv reads it from the folder it runs in and those above: the index it names is where every package comes from'),
  file(
    'Directory.Build.props',
    'MSBuild imports it into every project in the folder and those below: its properties and targets run on a build, and on the design-time builds an editor runs as it opens the folder',
  ),
  file('Directory.Build.targets', 'MSBuild imports it after every project in the folder and those below: targets that run commands on a build'),
  file('Directory.Packages.props', 'MSBuild imports it for the projects below: which package versions they take'),
  file('NuGet.Config', 'NuGet reads it from the folder and those above: where every package comes from'),
  file('global.json', 'the .NET SDK reads it from the folder and those above: which SDK runs, and from which path'),
  file('pnpm-workspace.yaml', 'pnpm reads its settings from the folder and those above: registries, the pnpmfile whose hooks run on every install'),
  file('deno.json', 'Deno reads it from the folder and those above: import maps (where modules come from) and tasks'),
  file('deno.jsonc', 'the same Deno configuration in its commented form'),
  file('.bundle/config', "Bundler's configuration for the project in that folder: mirrors (where gems come from), paths and the Gemfile it loads"),
  file('_irbrc', 'the same IRB file under the name it also looks for'),
  file('.envrc', 'direnv runs it as shell code when a shell enters the folder'),
  file('mise.toml', 'mise runs its `[hooks]` (enter, cd) and loads its `[env]` (which can source scripts) as a shell enters the folder'),
  file('mise.*.toml', "mise's local and per-environment variants (`mise.local.toml`, `mise.dev.toml`)"),
  file('.mise.toml', 'mise configuration under its hidden name'),
  file('.mise.*.toml', "mise's local and per-environment variants under the hidden name"),
  file('mise/config.toml', 'mise configuration in a `mise/` folder'),
  folder('.mise', 'mise configuration in a `.mise/` folder'),
  file('.config/mise.toml', 'mise configuration under `.config/`'),
  folder('.config/mise', 'mise configuration files under `.config/mise/`'),
  file(
    '.env',
    "Gemini CLI loads the first one it finds from the folder it runs in upwards, aider the working folder's: variables such as an API's base URL send the user's key elsewhere",
  ),
  file('.env.*', 'variants of .env (`.env.local`, ...), which tools load beside it'),
  file('QWEN.md', 'Qwen Code loads it as instructions, also from sub-folders'),
  folder('.qwen', 'Qwen Code settings (MCP servers, tools) and instructions'),
  file('WARP.md', "Warp's agent loads it as project rules"),
  file('.goosehints', 'Goose loads it as instructions'),
  file('opencode.json', 'opencode configuration: MCP servers (commands it starts), instructions, permissions'),
  file('opencode.jsonc', 'opencode configuration, in its commented form'),
  folder('.opencode', 'opencode agents, commands and plugins (code it runs)'),
  folder(
    '.openhands',
    'OpenHands microagents (`.openhands/microagents/repo.md` is loaded into every conversation) and `setup.sh`, which it runs at the start of each session',
  ),
  folder(
    '.pi',
    'pi coding agent project configuration: settings naming extensions and packages (code it loads), SYSTEM.md replacing its system prompt, skills and prompts',
  ),
  file('IFLOW.md', 'iFlow CLI loads it as project memory in every session in that folder'),
  folder('.iflow', 'iFlow CLI project settings (MCP servers, tools) and commands'),
  folder('.qoder', 'Qoder project rules (`.qoder/rules/`), added to its prompts, and its commands and agents'),
  folder('.lingma', 'Lingma project rules (`.lingma/rules/`), added to its prompts'),
  file('CODEBUDDY.md', 'CodeBuddy loads it as instructions'),
  folder('.codebuddy', 'CodeBuddy settings (hooks run shell commands, MCP servers), rules, commands and agents'),
  folder('.zencoder', 'Zencoder rules (`.zencoder/rules/`), added to its prompts'),
  file('AmazonQ.md', "Amazon Q Developer's chat takes it into its context by default"),
  file('.continuerules', 'Continue rules in their older single-file form'),
  file('codex.md', 'the first Codex CLI loaded it as project instructions'),
  file('replit.md', "Replit Agent loads it as the project's instructions"),
  file('.replit', 'Replit workspace configuration: the command its Run button runs, and `onBoot`, run as the workspace starts'),
  file('replit.nix', 'the Nix packages a Replit workspace installs and puts on its PATH'),
  file('CRUSH.md', 'Crush loads it as instructions'),
  file('crush.json', 'Crush configuration, MCP servers included'),
  file('.crush.json', 'Crush configuration, MCP servers included'),
  folder(
    'runtimes/*/inbox',
    "a HelloWorld bus inbox: alive's own SessionStart hook tells the agent of a session started below it that the messages there wait for it",
  ),
  file(
    'runtimes/*/config.json',
    'a HelloWorld receiver configuration: which senders may write to it, how many turns `dispatch serve` answers per thread and how large a message it takes (it can lower them)',
  ),
  folder('runtimes/*/processing', 'HelloWorld messages being answered: `dispatch claim` hands out again one whose claim ran out, as from the sender it names'),
  folder('runtimes/*/outbox', 'HelloWorld answers: `dispatch wait` and `show` give the one that names a message as its answer'),
  folder('runtimes/*/dead-letter', 'HelloWorld dead letters: `dispatch retry` puts one back into its inbox'),
  folder('runtimes/*/archive', "HelloWorld messages answered: a thread's history as `dispatch thread` shows it"),
  folder('runtimes/*/threads', "a HelloWorld receiver's turn ledgers: how many turns each thread has left"),
  file('runtimes/*/daemon.json', 'a HelloWorld daemon record: the process status and senders take for the one serving the receiver'),
  folder('runtimes/*/.attempts', "a HelloWorld receiver's lease counts: a message whose count is planted goes to dead-letter when its claim first runs out"),
  folder('runtimes/*/.rate', "a HelloWorld receiver's rate counts: how many messages a sender may still send"),
  folder('runtimes/*/.rate-served', "a HelloWorld daemon's rate counts: how many messages of a sender it still answers"),
  folder('runtimes/*/.tmp', "a HelloWorld receiver's files being written, which the bus renames into its folders"),
];

/**
 * Files that tell git and ripgrep (Claude Code's Grep and Glob search with it), or another agent,
 * which files below them to leave out; ripgrep reads `.ignore` and `.rgignore` outside git too. On the list only where
 * alive keeps its own files (ignoreFileRule): there `*` hides a walnut's key.md, log.md and
 * now.json, or a bundle's manifest and tasks, and all the receiver writes there later, from the
 * agent's searches and from `git add`. Deeper, in a project's own folder, one covers that folder
 * alone (`node_modules/`, build output): what walnuts carry them for.
 */
const SEARCHES = "the agent's searches (Claude Code's Grep and Glob search with ripgrep)";
/** Each ignore file: its name, who reads it, and what it keeps the files it names out of. */
const IGNORE_FILES: ReadonlyArray<[string, string, string]> = [
  ['.gitignore', 'git and ripgrep read it', `${SEARCHES} and \`git add\``],
  ['.ignore', 'ripgrep reads it, in a git repository or not', SEARCHES],
  ['.rgignore', 'ripgrep reads it, in a git repository or not', SEARCHES],
  ['.cursorignore', 'Cursor reads it', "its agent's view and index"],
  ['.geminiignore', 'Gemini CLI reads it', 'its file tools'],
  ['.aiexclude', 'Gemini Code Assist (and Android Studio) reads it', "its agent's view"],
  ['.codeiumignore', 'Windsurf reads it', "its agent's view and index"],
  ['.clineignore', 'Cline reads it', "its agent's view"],
  ['.rooignore', 'Roo Code reads it', "its agent's view"],
  ['.aiignore', 'JetBrains AI Assistant and Junie read it', "their agents' view"],
  ['.cursorindexingignore', 'Cursor reads it', 'its index'],
  ['.continueignore', 'Continue reads it', "its agent's view and index"],
  ['.gooseignore', 'Goose reads it', "its agent's view"],
  ['.crushignore', 'Crush reads it', "its agent's view"],
];
const IGNORE_RULES = new Map<string, AgentFileRule>(
  IGNORE_FILES.map(([name, reader, outOf]) => [
    name,
    {
      name: `${name} in _kernel/ or at the top of a walnut or bundle`,
      why: `${reader}; it keeps the files it names below it out of ${outOf}: there, the walnut's kernel (key.md, log.md, now.json) or the bundle's manifest and tasks, and all the receiver writes there later (one deeper, in a project's own folder, is taken)`,
    },
  ]),
);

/** The documented list (one entry per name), for docs and help. */
export const AGENT_FILE_RULES: readonly AgentFileRule[] = [
  ...RULES.filter((r, i) => RULES.findIndex((o) => o.name.replace(/\/$/, '') === r.name.replace(/\/$/, '')) === i).map(({ name, why }) => ({ name, why })),
  ...IGNORE_RULES.values(),
];

/** The top folders of `paths` that hold a context.manifest.yaml (a v3 bundle's top), folded. */
export function bundleTopsOf(paths: Iterable<string>, fold: (segment: string) => string = foldSegment): Set<string> {
  const tops = new Set<string>();
  for (const p of paths) {
    const slash = p.indexOf('/');
    if (slash > 0 && p.indexOf('/', slash + 1) < 0 && fold(p.slice(slash + 1)) === BUNDLE_MANIFEST) tops.add(fold(p.slice(0, slash)));
  }
  return tops;
}

/**
 * The rule an ignore file (IGNORE_FILES) falls under where it sits in a package: at the walnut's
 * top, anywhere in `_kernel/` (v1's `_core/`), at the top of a bundle (`bundles/<name>/`, a v1
 * capsule, or a top folder of `bundleTops`, folded: bundleTopsOf). Elsewhere, none.
 */
export function ignoreFileRule(path: string, bundleTops: ReadonlySet<string>, fold: (segment: string) => string = foldSegment): AgentFileRule | undefined {
  const segs = path.split('/');
  const rule = IGNORE_RULES.get(fold(segs[segs.length - 1]!));
  if (!rule) return undefined;
  const n = segs.length;
  const top = n > 1 ? fold(segs[0]!) : '';
  const capsules = top === '_core' && fold(segs[1]!) === '_capsules';
  const where =
    n === 1 ||
    top === '_kernel' ||
    (top === '_core' && !capsules) ||
    (capsules && n === 4) ||
    (top === 'bundles' && n === 3) ||
    (n === 2 && bundleTops.has(top));
  return where ? rule : undefined;
}

/**
 * A path segment as a file system that folds names would see it: NFKC, Unicode case folding
 * (upper then lower case: U+017F long s is `s`, U+0131 dotless i is `i`, as on APFS and NTFS),
 * without a Windows stream suffix (`name::$DATA` is `name`) or trailing dots and spaces (which
 * Windows drops). Holding back a look-alike costs nothing: held-back files are kept.
 */
export function foldSegment(segment: string): string {
  const folded = caseFold(segment, 'NFKC');
  const colon = folded.indexOf(':');
  const base = colon > 0 ? folded.slice(0, colon) : folded;
  return base === '.' || base === '..' ? base : trimEndOf(base, '. ');
}

/**
 * RULES by the first of their segments, so that a path is checked against the few rules that can
 * start at each of its segments, not against all of them (2,000 paths × 70 rules were a tenth of
 * `extract`'s main-thread time): a name segment is looked up, a pattern segment is tried only on
 * segments that start with its literal prefix.
 */
const RULES_BY_FIRST = new Map<string, number[]>();
const PATTERN_FIRST: Array<{ prefix: string; pattern: RegExp; rule: number }> = [];
RULES.forEach((r, i) => {
  const first = r.segments[0]!;
  if (typeof first !== 'string') {
    PATTERN_FIRST.push({ prefix: r.name.toLowerCase().slice(0, r.name.indexOf('*')), pattern: first, rule: i });
    return;
  }
  const list = RULES_BY_FIRST.get(first);
  if (list) list.push(i);
  else RULES_BY_FIRST.set(first, [i]);
});

/** Whether rule `r`'s segments all match from `segs[at]` on, and end where the rule says. */
function matchesAt(r: Rule, segs: readonly string[], at: number): boolean {
  const n = r.segments.length;
  if (at + n > segs.length) return false;
  for (let k = 1; k < n; k++) {
    const want = r.segments[k]!;
    if (typeof want === 'string' ? segs[at + k] !== want : !want.test(segs[at + k]!)) return false;
  }
  const last = at + n === segs.length;
  return r.folder ? !last : last;
}

/**
 * foldSegment with a memo: for the paths of one package, whose folders repeat (a plan folds each
 * path's segments for several checks). File names rarely repeat: a memo of every distinct segment
 * held two strings per file (100,000 files: 15 MB), so it starts again past SEGMENT_MEMO entries.
 */
export function segmentFolder(): (segment: string) => string {
  const folded = new Map<string, string>();
  return (segment) => {
    let f = folded.get(segment);
    if (f === undefined) {
      f = foldSegment(segment);
      if (folded.size >= SEGMENT_MEMO) folded.clear();
      folded.set(segment, f);
    }
    return f;
  };
}

const SEGMENT_MEMO = 4096;

/** `best`, or `rule` where it comes first and matches at `at`. */
function earlierMatch(best: number, rule: number, segs: readonly string[], at: number): number {
  return (best < 0 || rule < best) && matchesAt(RULES[rule]!, segs, at) ? rule : best;
}

/**
 * The rule a POSIX relative path falls under, if any: a rule's segments appear consecutively in
 * the path (the last one being the file itself for a file rule; any later segment for a folder).
 * Where several rules match, the one listed first. `fold` is foldSegment, or a memo of it shared
 * by the paths of one package (segmentFolder).
 */
export function agentFileRule(path: string, fold: (segment: string) => string = foldSegment): AgentFileRule | undefined {
  const segs: string[] = [];
  for (const s of path.split('/')) {
    const f = fold(s);
    if (f !== '' && f !== '.') segs.push(f);
  }
  let best = -1;
  for (let at = 0; at < segs.length; at++) {
    const seg = segs[at]!;
    const named = RULES_BY_FIRST.get(seg);
    if (named) for (const rule of named) best = earlierMatch(best, rule, segs, at);
    for (const p of PATTERN_FIRST) if (seg.startsWith(p.prefix) && p.pattern.test(seg)) best = earlierMatch(best, p.rule, segs, at);
  }
  if (best < 0) return undefined;
  const { name, why } = RULES[best]!;
  return { name, why };
}

export interface AgentFileHit {
  path: string;
  rule: string;
}

/** The paths among `paths` that are agent files, with the rule each falls under. */
export function findAgentFiles(paths: Iterable<string>): AgentFileHit[] {
  const out: AgentFileHit[] = [];
  const fold = segmentFolder();
  const list = [...paths];
  const tops = bundleTopsOf(list, fold);
  for (const p of list) {
    const r = agentFileRule(p, fold) ?? ignoreFileRule(p, tops, fold);
    if (r) out.push({ path: p, rule: r.name });
  }
  return out;
}

/** The first ten paths, each as `show` gives it. */
function shownPaths(hits: AgentFileHit[], show: (path: string) => string = (p) => p): string {
  return `${hits
    .slice(0, 10)
    .map((h) => show(h.path))
    .join(', ')}${hits.length > 10 ? ', …' : ''}`;
}

/**
 * The warning `extract` prints when it wrote agent files into `dir` (empty when none): it copies
 * a package faithfully, so they are there, where an agent working in that folder loads them. The
 * paths are the sender's: each quoted when it is a plain name, else left out saying so, as
 * receive names them (a name can be prose: "NOTE TO ASSISTANT … extraction is clean)"); `agent_files`
 * in --json holds them all.
 */
export function extractedAgentFilesWarning(hits: AgentFileHit[], dir: string): string | undefined {
  if (hits.length === 0) return undefined;
  return (
    `${inlineText(dir, 4000)} holds ${counted(hits.length, 'agent instruction/configuration file')} from this package (${shownPaths(hits, senderName)}): ` +
    'an AI agent (or editor, or shell) working in that folder would load them as instructions or configuration. ' +
    'Read them as data, and delete them before working there; receive holds them back'
  );
}

/**
 * The warning `create` prints when a package it wrote carries agent files (empty when none):
 * one line per file, names made safe for a terminal by the caller's own printer.
 */
export function agentFilesWarning(hits: AgentFileHit[]): string | undefined {
  if (hits.length === 0) return undefined;
  return (
    `this package carries ${counted(hits.length, 'agent instruction/configuration file')} (${shownPaths(hits)}); ` +
    'a receiver holds them back unless they pass --allow-agent-files. Add them to .walnutignore if they should not travel'
  );
}
