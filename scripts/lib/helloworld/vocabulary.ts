/**
 * Receivers and their vocabularies (helloworld-bus.md section 1.5): each receiver has native
 * symbols, a parent, descriptions and an identity; a lookup is native, inherited (with the
 * ancestor that defines it) or unknown. The built-in tree follows the reference at HEAD;
 * `<root>/vocabularies/*.hw` files (Markdown layer only: `# Name : Parent`, `## symbol`, `- text`)
 * add receivers or symbols. Vocabulary changes made while evaluating stay in memory: nothing
 * here writes files.
 */
import { readdirSync } from 'node:fs';
import { busFolderProblem, readBusFile } from '../bus/fsutil.ts';
import { join } from 'node:path';
import { parseProgram, type Statement } from './parser.ts';
import { HelloWorldSyntaxError } from './lexer.ts';

export interface ReceiverDef {
  /** Display name as first defined (`Claude`, `guardian`). */
  name: string;
  /** Parent key (lowercase), absent for the root. */
  parent: string | undefined;
  identity: string | undefined;
  /** Native symbols without '#', in definition order, with descriptions. */
  symbols: Map<string, string | undefined>;
}

export type LookupOutcome =
  | { outcome: 'native'; description: string | undefined; alsoIn: string | undefined }
  | { outcome: 'inherited'; definedIn: string; description: string | undefined }
  | { outcome: 'unknown' };

/** Receivers answered by an AI runtime over the bus rather than locally. */
export const META_RECEIVERS = ['claude', 'copilot', 'gemini', 'codex'] as const;

export function isMetaReceiver(key: string): boolean {
  return (META_RECEIVERS as readonly string[]).includes(key.toLowerCase());
}

const HELLOWORLD_SYMBOLS: [string, string][] = [
  ['#', 'The vocabulary query: what a receiver can say.'],
  ['run', 'Run the agents until their inboxes are empty.'],
  ['hello', 'Announce presence on the bus.'],
  ['goodbye', 'Announce departure from the bus.'],
  ['send', 'Deliver a message to another receiver.'],
  ['receive', 'Take the next message from an inbox.'],
  ['become', 'Take on another identity or role.'],
  ['Sunyata', 'Emptiness: meaning exists only in relation.'],
  ['Smalltalk', 'The message-passing tradition the language follows.'],
  ['Superposition', 'A symbol whose meaning is not yet fixed by a receiver.'],
  ['address', 'Name a receiver so it can be reached.'],
  ['context', 'What accompanies a message to give it meaning.'],
  ['commit', 'Persist vocabulary changes.'],
];

const AGENT_SYMBOLS: [string, string][] = [
  ['observe', 'Perceive the environment and its state.'],
  ['orient', 'Turn observations into understanding.'],
  ['decide', 'Choose a course of action.'],
  ['act', 'Carry the decision out.'],
  ['remember', 'Store something for later.'],
  ['recall', 'Bring back something stored.'],
  ['reflect', 'Assess the work and the cycle after acting.'],
  ['unknown', 'Meeting a symbol outside the vocabulary.'],
  ['chain', 'Show the inheritance path of this receiver.'],
  ['environment', 'The surroundings an agent works in.'],
  ['state', 'The current condition of an agent or system.'],
  ['intent', 'What an agent means to achieve.'],
  ['vocabulary', 'The symbols a receiver holds.'],
  ['approach', 'How an agent goes about a task.'],
  ['address', 'How an agent is reached.'],
  ['hello', 'Greet the network.'],
  ['goodbye', 'Leave the network.'],
];

const GEMINI_SYMBOLS = ['act', 'collision', 'dispatch', 'entropy', 'env', 'love', 'meta', 'observe', 'parse', 'state', 'sunyata', 'superposition'];

export class Registry {
  private readonly receivers = new Map<string, ReceiverDef>();

  /** The built-in tree: HelloWorld, Agent, and the four meta-receivers. */
  static withBuiltins(): Registry {
    const r = new Registry();
    r.define('HelloWorld', undefined, 'The root receiver: the language and its message bus.');
    for (const [s, d] of HELLOWORLD_SYMBOLS) r.addSymbol('helloworld', s, d);
    r.define('Agent', 'HelloWorld', 'A receiver with a vocabulary and the capacity to act on its own.');
    for (const [s, d] of AGENT_SYMBOLS) r.addSymbol('agent', s, d);
    r.define('Claude', 'Agent', 'An agent running Anthropic Claude.');
    r.define('Copilot', 'Agent', 'An agent running GitHub Copilot.');
    r.define('Codex', 'Agent', 'An agent running OpenAI Codex.');
    r.define('Gemini', 'Agent', 'An agent running Google Gemini.');
    for (const s of GEMINI_SYMBOLS) r.addSymbol('gemini', s, undefined);
    return r;
  }

  /** The names of the receivers defined so far, in definition order. */
  names(): string[] {
    return [...this.receivers.values()].map((d) => d.name);
  }

  get(name: string): ReceiverDef | undefined {
    return this.receivers.get(key(name));
  }

  has(name: string): boolean {
    return this.receivers.has(key(name));
  }

  /** Defines (or updates the parent and identity of) a receiver. */
  define(name: string, parent: string | undefined, identity?: string): ReceiverDef {
    const k = key(name);
    const existing = this.receivers.get(k);
    if (existing) {
      if (parent !== undefined) existing.parent = key(parent);
      if (identity !== undefined) existing.identity = identity;
      return existing;
    }
    const def: ReceiverDef = {
      name,
      parent: parent === undefined ? (k === 'helloworld' ? undefined : 'helloworld') : key(parent),
      identity,
      symbols: new Map(),
    };
    this.receivers.set(k, def);
    return def;
  }

  /** The receiver, created on first mention (parent HelloWorld, or Agent for meta-receivers). */
  ensure(name: string): ReceiverDef {
    return this.get(name) ?? this.define(name, isMetaReceiver(key(name)) ? 'Agent' : 'HelloWorld');
  }

  addSymbol(receiver: string, symbol: string, description: string | undefined): void {
    const def = this.ensure(receiver);
    const s = bareSymbol(symbol);
    if (!def.symbols.has(s) || description !== undefined) def.symbols.set(s, description);
  }

  /**
   * The receiver and its ancestors, nearest first, `max` of them at most (CHAIN_LEVELS_MAX); stops
   * on a cycle or a missing parent.
   */
  chain(name: string, max = CHAIN_LEVELS_MAX): ReceiverDef[] {
    const out: ReceiverDef[] = [];
    const seen = new Set<string>();
    let def = this.get(name);
    while (def && out.length < max && !seen.has(key(def.name))) {
      out.push(def);
      seen.add(key(def.name));
      def = def.parent ? this.receivers.get(def.parent) : undefined;
    }
    return out;
  }

  lookup(receiver: string, symbol: string): LookupOutcome {
    const s = bareSymbol(symbol);
    const [self, ...ancestors] = this.chain(receiver);
    if (!self) return { outcome: 'unknown' };
    const holder = (d: ReceiverDef) => findSymbol(d, s);
    const own = holder(self);
    if (own !== undefined) {
      const also = ancestors.find((a) => holder(a) !== undefined);
      return { outcome: 'native', description: self.symbols.get(own), alsoIn: also?.name };
    }
    for (const a of ancestors) {
      const found = holder(a);
      if (found !== undefined) return { outcome: 'inherited', definedIn: a.name, description: a.symbols.get(found) };
    }
    return { outcome: 'unknown' };
  }

  /** Resolves `A::B::C` to C, checking that A and B are C's ancestors in order. */
  resolvePath(path: string[]): { ok: true; receiver: string } | { ok: false; reason: string } {
    const leaf = path[path.length - 1]!;
    if (path.length === 1) return { ok: true, receiver: leaf };
    const chain = this.chain(leaf)
      .map((d) => key(d.name))
      .reverse();
    let from = 0;
    for (const part of path.slice(0, -1)) {
      const idx = chain.indexOf(key(part), from);
      if (idx === -1) return { ok: false, reason: `${part} is not an ancestor of ${leaf} (its chain is ${chain.join(' -> ') || leaf})` };
      from = idx + 1;
    }
    return { ok: true, receiver: leaf };
  }

  /** Loads `dir/*.hw` vocabulary files; returns the problems found (a bad file is skipped). */
  loadDirectory(root: string, dir: string): string[] {
    // The folder is the bus's: a link there (to anywhere) is skipped, with a warning.
    const unsafe = busFolderProblem(root, dir);
    if (unsafe !== undefined) return [`${unsafe}; its vocabularies were skipped`];
    let names: string[];
    try {
      names = readdirSync(dir)
        .filter((n) => n.endsWith('.hw'))
        .sort();
    } catch {
      return [];
    }
    // Anyone who writes the bus folder writes here, and serve, run and repl read it all at start:
    // so much is read, and so many problems said, at most.
    const problems: string[] = [];
    let broken = 0;
    let bytes = 0;
    let read = 0;
    for (const n of names) {
      if (read >= VOCABULARY_FILES || bytes >= VOCABULARY_BYTES) break;
      read++;
      const file = join(dir, n);
      // No links followed, no FIFO waited on.
      const got = readBusFile(root, file, { maxBytes: 4 * 1024 * 1024 });
      let problem: string | undefined;
      if (!got.ok) problem = `${file}: skipped, ${got.detail}`;
      else {
        bytes += got.bytes.length;
        try {
          this.loadDefinitions(parseProgram(got.bytes.toString('utf8'), file), true);
        } catch (err) {
          problem = err instanceof HelloWorldSyntaxError ? err.message : `${file}: ${String(err)}`;
        }
      }
      if (problem !== undefined && ++broken <= VOCABULARY_PROBLEMS) problems.push(problem);
    }
    if (broken > VOCABULARY_PROBLEMS) problems.push(`${dir}: ${broken - VOCABULARY_PROBLEMS} more vocabulary files could not be used`);
    if (read < names.length) {
      problems.push(
        `${dir}: ${names.length - read} vocabulary files not read: at most ${VOCABULARY_FILES} files and ${VOCABULARY_BYTES / 1024 / 1024} MiB are read`,
      );
    }
    return problems;
  }

  /**
   * Applies the Markdown layer of a program: `# Name : Parent` defines a receiver, `## sym` adds a
   * symbol, `- text` describes the last symbol (or, before any symbol, gives the identity).
   * With `definitionsOnly`, other statements are ignored.
   */
  loadDefinitions(statements: Statement[], definitionsOnly: boolean): Statement[] {
    const rest: Statement[] = [];
    let current: ReceiverDef | undefined;
    let currentSymbol: string | undefined;
    for (const st of statements) {
      if (st.kind === 'heading' && st.level === 1) {
        current = this.define(st.name, st.parent);
        currentSymbol = undefined;
      } else if (st.kind === 'heading' && st.level === 2 && current) {
        currentSymbol = bareSymbol(st.name);
        this.addSymbol(current.name, currentSymbol, undefined);
      } else if (st.kind === 'description' && current) {
        if (currentSymbol !== undefined) {
          const prev = current.symbols.get(currentSymbol);
          current.symbols.set(currentSymbol, prev ? `${prev} ${st.text}` : st.text);
        } else {
          current.identity = current.identity ? `${current.identity} ${st.text}` : st.text;
        }
      } else if (!definitionsOnly) {
        rest.push(st);
      }
    }
    return rest;
  }

  /**
   * One line per receiver in `names`, for prompts: `@gemini : Agent — native [#act, ...]`. Bounded
   * (PROMPT_*): vocabularies/*.hw is any bus writer's to fill, and every prompt of the daemon lists
   * the receiver's own vocabulary, so 4 MiB of symbols there would make every prompt too long to
   * run (or paid for by the megabyte).
   */
  describeForPrompt(names: string[]): string[] {
    const lines: string[] = [];
    let bytes = 0;
    for (const [i, n] of names.entries()) {
      // One level past those shown says whether there are more.
      const chain = this.chain(n, PROMPT_CHAIN_LEVELS + 1);
      const self = chain[0];
      let line: string;
      if (!self) line = `@${key(n)}: no vocabulary known`;
      else {
        const shown = chain.slice(0, PROMPT_CHAIN_LEVELS);
        const more = chain.length > shown.length;
        const inherited = shown.slice(1).map((a) => `from ${promptName(a.name)}: ${promptSymbols(a.symbols.keys())}`);
        if (more) inherited.push('(more ancestors not shown)');
        line = `@${key(n)} (${shown.map((d) => promptName(d.name)).join(' : ')}${more ? ' : …' : ''}): native ${promptSymbols(self.symbols.keys())}${inherited.length ? `; ${inherited.join('; ')}` : ''}`;
      }
      bytes += Buffer.byteLength(line) + 1;
      if (bytes > PROMPT_VOCABULARIES_BYTES) {
        const left = names.length - i;
        lines.push(`(the vocabularies of ${left} more ${left === 1 ? 'receiver' : 'receivers'} not shown: the list is too long)`);
        break;
      }
      lines.push(line);
    }
    return lines;
  }
}

/*
 * Names and symbols of `<root>/vocabularies/*.hw` are written by whoever writes the bus folder: the
 * prompt lists them in a fence of their own (agent.ts buildPrompt), and only in a plain shape.
 */
const PLAIN_WORD = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;

function promptName(name: string): string {
  return PLAIN_WORD.test(name) ? name : '(a name that is not plain; not shown)';
}

/**
 * How deep a receiver's ancestry is followed (chain): vocabularies/*.hw is any bus writer's, and
 * 850,000 levels in its 16 MiB made serve walk them for every receiver a message names (12.5 s a
 * message). The built-in tree is three deep.
 */
export const CHAIN_LEVELS_MAX = 64;

/** How much of vocabularies/ is read (files, bytes), and how many of its broken files are named. */
const VOCABULARY_FILES = 512;
const VOCABULARY_BYTES = 16 * 1024 * 1024;
const VOCABULARY_PROBLEMS = 5;

/** How much of the vocabularies a prompt lists: symbols per receiver, receivers per chain, bytes in all. */
const PROMPT_SYMBOLS = 32;
const PROMPT_CHAIN_LEVELS = 6;
const PROMPT_VOCABULARIES_BYTES = 16 * 1024;

function promptSymbols(symbols: Iterable<string>): string {
  const all = [...symbols];
  const plain = all.filter((s) => s === '#' || PLAIN_WORD.test(s));
  const hidden = all.length - plain.length;
  const shown = plain.slice(0, PROMPT_SYMBOLS).map(hash);
  const notes = [
    ...(plain.length > shown.length ? [`(${plain.length - shown.length} more not shown)`] : []),
    ...(hidden > 0 ? [`(${hidden} not shown: not plain names)`] : []),
  ];
  return `[${[...shown, ...notes].join(', ')}]`;
}

export function key(name: string): string {
  return name.replace(/^@/, '').toLowerCase();
}

export function bareSymbol(symbol: string): string {
  return symbol === '#' ? '#' : symbol.replace(/^#/, '');
}

export function hash(symbol: string): string {
  return symbol === '#' ? '#' : `#${symbol}`;
}

/** Symbols match case-insensitively (`#sunyata` and `#Sunyata` are one symbol). */
function findSymbol(def: ReceiverDef, s: string): string | undefined {
  if (def.symbols.has(s)) return s;
  const lower = s.toLowerCase();
  for (const k of def.symbols.keys()) if (k.toLowerCase() === lower) return k;
  return undefined;
}
