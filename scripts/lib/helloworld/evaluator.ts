/**
 * Evaluates HelloWorld statements. Native receivers are answered here, structurally, from the
 * registry. Statements addressed to a meta-receiver (@claude, @copilot, @gemini, @codex) that ask
 * something of it — unary and keyword messages and scoped lookups (`@claude.#collision`) — go
 * over the bus through `ask`; vocabulary listings (`Name.#`, `Name ##`, `super` walks,
 * definitions) stay local for every receiver. Bus questions are sent as they are met and their
 * answers awaited together, so a program does not wait for each one in turn.
 */
import type { Statement, Value } from './parser.ts';
import { bareSymbol, CHAIN_LEVELS_MAX, hash, isMetaReceiver, key, type Registry } from './vocabulary.ts';

export interface EvalResult {
  line: number;
  column: number;
  source: string;
  /** The receiver addressed, when the statement has one. */
  receiver?: string;
  via: 'local' | 'bus';
  ok: boolean;
  output: string;
  /** The bus message id, for statements sent over the bus. */
  messageId?: string;
  /** Set when `output` is only the start of the answer (see AskResult). */
  cut?: AnswerCut;
}

/** An answer shown in part: its id, its file's size and the bytes of text shown (bus/responses.ts). */
export interface AnswerCut {
  answerId: string;
  bytes: number;
  shownBytes: number;
}

/** `cut`: the body is only the start of the answer (what a terminal is shown of a long one). */
export type AskResult = { ok: true; body: string; messageId: string; cut?: AnswerCut } | { ok: false; reason: string; messageId?: string };

/** Sends `text` to a meta-receiver and waits for its answer. */
export type Ask = (receiver: string, text: string, context: string) => Promise<AskResult>;

export async function evaluate(statements: Statement[], registry: Registry, ask?: Ask): Promise<EvalResult[]> {
  const rest = registry.loadDefinitions(statements, false);
  const pending: Promise<EvalResult>[] = [];
  for (const st of rest) pending.push(evaluateOne(st, registry, ask));
  return Promise.all(pending);
}

function evaluateOne(st: Statement, registry: Registry, ask?: Ask): Promise<EvalResult> {
  const base = { line: st.line, column: st.column, source: st.source };
  const local = (output: string, receiver?: string, ok = true): Promise<EvalResult> =>
    Promise.resolve({ ...base, ...(receiver ? { receiver } : {}), via: 'local', ok, output });

  if (st.kind === 'bareSymbol') {
    const name = bareSymbol(st.symbol);
    if (registry.has(name)) return local(vocabularyText(registry, name, false), registry.get(name)!.name);
    return local(lookupText(registry, 'HelloWorld', st.symbol), 'HelloWorld');
  }
  if (st.kind === 'heading' || st.kind === 'description') return local(''); // applied by loadDefinitions

  const resolved = registry.resolvePath(st.receiver);
  if (!resolved.ok) return local(resolved.reason, st.receiver.join('::'), false);
  const def = registry.ensure(resolved.receiver);
  const name = def.name;
  const viaBus = isMetaReceiver(key(name)) && (st.kind === 'unaryMessage' || st.kind === 'keywordMessage' || st.kind === 'scopedLookup');
  if (viaBus) {
    if (!ask) return local(`${name} is answered by an agent over the bus, and no bus is available here`, name, false);
    const context = `Local Vocabulary: [${[...def.symbols.keys()].map(hash).join(', ')}]`;
    return ask(key(name), st.source, context).then((r) =>
      r.ok
        ? { ...base, receiver: name, via: 'bus' as const, ok: true, output: r.body, messageId: r.messageId, ...(r.cut ? { cut: r.cut } : {}) }
        : { ...base, receiver: name, via: 'bus' as const, ok: false, output: r.reason, ...(r.messageId ? { messageId: r.messageId } : {}) },
    );
  }

  switch (st.kind) {
    case 'vocabularyQuery':
      return local(vocabularyText(registry, name, st.includeInherited), name);
    case 'vocabularyDefinition':
      for (const s of st.symbols) registry.addSymbol(name, s, undefined);
      return local(vocabularyText(registry, name, false), name);
    case 'scopedLookup':
      return local(lookupText(registry, name, st.symbol), name);
    case 'superLookup':
      return local(superText(registry, name, st.symbol), name);
    case 'unaryMessage':
      return local(unaryText(registry, name, st.message, st.isSuper), name);
    case 'keywordMessage':
      return local(keywordText(registry, name, st.args, st.annotation), name);
  }
}

function vocabularyText(registry: Registry, name: string, inherited: boolean): string {
  const chain = registry.chain(name);
  const self = chain[0]!;
  const parent = chain[1]?.name;
  const head = `${self.name}${parent ? ` : ${parent}` : ''}${self.identity ? ` \u2014 ${self.identity}` : ''}`;
  const lines = [head, `# \u2192 [${[...self.symbols.keys()].map(hash).join(', ')}]`];
  if (inherited) {
    for (const a of chain.slice(1)) lines.push(`from ${a.name}: [${[...a.symbols.keys()].map(hash).join(', ')}]`);
  }
  return lines.join('\n');
}

function lookupText(registry: Registry, name: string, symbol: string): string {
  const r = registry.lookup(name, symbol);
  const s = hash(bareSymbol(symbol));
  switch (r.outcome) {
    case 'native':
      return `${s} is native to ${name}${r.description ? `: ${r.description}` : ''}${r.alsoIn ? ` (${r.alsoIn} holds it too)` : ''}`;
    case 'inherited':
      return `${s} is inherited by ${name} from ${r.definedIn}${r.description ? `: ${r.description}` : ''}`;
    case 'unknown':
      return `${s} is unknown to ${name}`;
  }
}

function superText(registry: Registry, name: string, symbol: string): string {
  const s = bareSymbol(symbol);
  return registry
    .chain(name)
    .map((d) => {
      const desc = d.symbols.get(s);
      const held = d.symbols.has(s);
      return `${d.name}: ${hash(s)} ${held ? `native${desc ? ` \u2014 ${desc}` : ''}` : 'absent'}`;
    })
    .join('\n');
}

function unaryText(registry: Registry, name: string, word: string, isSuper: boolean): string {
  if (word === 'chain') {
    const chain = registry.chain(name);
    // Followed CHAIN_LEVELS_MAX deep at most: the rest is said to go on.
    return `${chain.map((d) => d.name).join(' \u2192 ')}${chain.length >= CHAIN_LEVELS_MAX ? ' \u2192 \u2026' : ''}`;
  }
  if (isSuper) {
    const parent = registry.chain(name)[1];
    if (!parent) return `${name} has no parent to act through`;
    return `${name} acts on #${word} through ${parent.name}: ${unaryText(registry, parent.name, word, false)}`;
  }
  const r = registry.lookup(name, word);
  if (r.outcome === 'unknown') return `${name} cannot act on #${word}: it is not in its vocabulary`;
  return `${name} acts on #${word}${r.outcome === 'inherited' ? ` (inherited from ${r.definedIn})` : ''}`;
}

function keywordText(registry: Registry, name: string, args: { keyword: string; value: Value }[], annotation?: string): string {
  const sendArg = args.find((a) => a.keyword === 'send');
  const toArg = args.find((a) => a.keyword === 'to');
  if (sendArg && toArg && sendArg.value.kind === 'symbol' && toArg.value.kind === 'receiver') {
    return sendText(registry, name, sendArg.value.value, toArg.value.path[toArg.value.path.length - 1]!);
  }
  const learned: string[] = [];
  // Vocabulary drift: a receiver that is handed a symbol it does not know learns it (in memory).
  for (const a of args) {
    if (a.value.kind !== 'symbol') continue;
    const s = bareSymbol(a.value.value);
    if (key(s) === key(name)) continue;
    if (registry.lookup(name, s).outcome === 'unknown') {
      registry.addSymbol(name, s, '(learned through dialogue)');
      learned.push(hash(s));
    }
  }
  const parts = args.map((a) => `${a.keyword}: ${valueText(a.value)}`).join(', ');
  return `[${name}] received ${parts}${annotation ? ` '${annotation}'` : ''}${learned.length ? `\n${name} learned ${learned.join(', ')}` : ''}`;
}

/** `Sender send: #sym to: Target`: how the symbol stands between the two receivers. */
function sendText(registry: Registry, sender: string, symbol: string, targetName: string): string {
  const target = registry.ensure(targetName).name;
  const s = bareSymbol(symbol);
  if (key(s) === key(target)) return `${hash(s)} names ${target} itself; nothing to learn`;
  const senderHas = registry.lookup(sender, s);
  const targetHas = registry.lookup(target, s);
  if (senderHas.outcome === 'native' && targetHas.outcome === 'native') {
    return `collision: ${sender} and ${target} both hold ${hash(s)} natively; their meanings meet`;
  }
  if (targetHas.outcome === 'native') return `${target} already holds ${hash(s)}`;
  if (targetHas.outcome === 'inherited') return `${hash(s)} is shared ground: ${target} inherits it from ${targetHas.definedIn}`;
  registry.addSymbol(target, s, '(learned through dialogue)');
  return `${target} learns ${hash(s)} from ${sender}`;
}

function valueText(v: Value): string {
  switch (v.kind) {
    case 'symbol':
      return v.value;
    case 'receiver':
      return v.path.join('::');
    case 'string':
      return `'${v.value.replace(/'/g, "''")}'`;
    default:
      return v.value;
  }
}
