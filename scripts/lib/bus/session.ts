/**
 * An interactive HelloWorld session (`dispatch repl`): one line at a time through the same
 * evaluator as `dispatch run`, in one thread, every bus message carrying the session's `# Context`
 * (the vocabularies of the receivers named and the recent lines with their answers, bounded).
 *
 * The session never prints; it returns what a line produced and the front end (readline) shows it.
 * Answers from the bus are untrusted text: the front end escapes them, and in the context they
 * are indented so that none of their lines can start a `# Context` section of a later message.
 */
import { join } from 'node:path';
import { evaluate, type AnswerCut, type Ask } from '../helloworld/evaluator.ts';
import { HelloWorldSyntaxError } from '../helloworld/lexer.ts';
import { parseProgram, type Statement } from '../helloworld/parser.ts';
import { key, Registry } from '../helloworld/vocabulary.ts';
import { sendMessage } from './deliver.ts';
import { newMessageId } from './ids.ts';
import { waitUnlistedSuffix } from './list-bound.ts';
import { displayName, normaliseName } from './names.ts';
import { ANSWER_READ_BYTES, answerPlaceNames, closedText, shownAnswer, unreadableText, waitForResponse } from './responses.ts';
import { AliveError, type UntrustedDetail } from '../errors.ts';
import { untrustedDetail } from '../text/fence.ts';
import { fenceData } from '../text/untrusted.ts';
import { closestName } from '../text/closest.ts';

/** How much of the session a message carries as context. */
export const CONTEXT_LIMITS = { lines: 40, bytes: 4096, answerChars: 600 } as const;

export interface SessionOptions {
  root: string;
  /** Sender folder name. */
  from: string;
  waitMs: number;
  /** The session's thread (a new id by default). */
  thread?: string;
  /**
   * Called before each message over the bus: an AliveError it throws (no_bus: no bus where the
   * root points, and no --create) fails the line with its message, nothing sent; `sent` after the
   * message went (repl says then that it made a new bus).
   */
  bus?: { check(): void; sent(): void };
}

/** The session's own words for a line sent to `who` (a receiver's display name) that got no answer (yet): the command that picks it up later. */
function laterText(id: string, who: string): string {
  return `'dispatch wait ${id} --receiver ${who}' prints its answer once it is there`;
}

/** What one line produced, in the order to show it. */
export type SessionOutput =
  /** `cut`: `text` is the start of a long answer (the front end says so after it). */
  | { kind: 'answer'; receiver: string; text: string; via: 'local' | 'bus'; messageId?: string; cut?: AnswerCut }
  /**
   * `localReason`: the statement at `text` ('line 3, column 1') failed here, for that reason (made
   * from the vocabularies). `untrusted`: names of someone else's `text` refers to, shown after it.
   */
  | { kind: 'error'; text: string; localReason?: string; untrusted?: UntrustedDetail }
  | { kind: 'info'; text: string };

export const SESSION_HELP = `Type HelloWorld statements, one per line, for example:
  @claude explain: #collision      a message to an agent, answered over the bus
  @claude.#collision               a follow-up: the agent sees this session's recent lines
  Gemini ##                         a vocabulary, answered here
Session commands:
  :thread   print this session's thread id (see 'dispatch thread ID')
  :new      start a new thread (when a receiver's turn budget for this one is used up)
  :help     this text
Ctrl-C stops waiting for the current answer; Ctrl-D (or :quit) ends the session.`;

export class Session {
  readonly registry: Registry;
  /** <root>/vocabularies, and the problems met loading it (shown once by the front end: vocabularyWarning). */
  readonly vocabularies: string;
  readonly vocabularyProblems: string[];
  /** The built-in receivers' names: ours. The others come from vocabulary files (any bus writer's) or this session. */
  private readonly builtinNames: string[];
  private threadId: string;
  private lineNo = 0;
  private transcript: string[] = [];
  private named: string[] = [];
  /** Requests sent in this thread, per receiver (folder name): a line's turn is the next one. */
  private turns = new Map<string, number>();
  private controller: AbortController | undefined;
  /** Called as a line starts waiting for `receiver`'s answer (display name): the front end says so on a terminal. */
  onWait: ((receiver: string) => void) | undefined;

  constructor(private readonly opts: SessionOptions) {
    this.registry = Registry.withBuiltins();
    this.builtinNames = this.registry.names();
    this.vocabularies = join(opts.root, 'vocabularies');
    this.vocabularyProblems = this.registry.loadDirectory(opts.root, this.vocabularies);
    this.threadId = opts.thread ?? newMessageId();
  }

  /** The sender (folder name). */
  get from(): string {
    return this.opts.from;
  }

  get thread(): string {
    return this.threadId;
  }

  /** True while a line waits for an answer from the bus. */
  get waiting(): boolean {
    return this.controller !== undefined;
  }

  /** Stops waiting for the current line's answers (Ctrl-C). Returns false when nothing waited. */
  cancel(): boolean {
    if (!this.controller) return false;
    this.controller.abort();
    return true;
  }

  /** The context a bus message of this session carries now. */
  context(receivers: string[]): string {
    const lines = [`HelloWorld session ${this.threadId} of ${displayName(this.opts.from)}, line ${this.lineNo}.`];
    const vocab = this.registry.describeForPrompt([...new Set(receivers.map(key))]);
    if (vocab.length) lines.push('Vocabularies of the receivers named:', ...vocab.map((v) => `- ${v}`));
    const recent = boundedTail(this.transcript, CONTEXT_LIMITS.lines, CONTEXT_LIMITS.bytes);
    if (recent.length) lines.push('Recent lines of this session, oldest first (answers indented):', ...recent);
    return lines.join('\n');
  }

  /** Evaluates one line of input. Never throws for bad input: errors come back as output. */
  async line(input: string): Promise<{ outputs: SessionOutput[]; end?: true }> {
    const text = input.replace(/\r$/, '');
    if (text.trim() === '') return { outputs: [] };
    this.lineNo++;
    const trimmed = text.trim();
    if (trimmed.startsWith(':')) return this.command(trimmed);

    let statements: Statement[];
    try {
      statements = parseProgram(text);
    } catch (err) {
      if (err instanceof HelloWorldSyntaxError) {
        return { outputs: [{ kind: 'error', text: `line ${this.lineNo}, column ${err.column}: syntax error: ${err.reason}` }] };
      }
      throw err;
    }
    const unknown = this.unknownReceiver(statements);
    if (unknown) return { outputs: [unknown] };
    this.named = receiversNamed(statements);

    const controller = new AbortController();
    this.controller = controller;
    let results;
    try {
      results = await evaluate(statements, this.registry, this.ask(controller.signal));
    } finally {
      this.controller = undefined;
    }
    const outputs: SessionOutput[] = [];
    this.record(`hw> ${text.trim()}`);
    for (const r of results) {
      if (r.output === '' && r.ok) continue;
      const receiver = r.receiver ?? 'HelloWorld';
      if (r.ok) {
        outputs.push({
          kind: 'answer',
          receiver,
          text: r.output,
          via: r.via,
          ...(r.messageId ? { messageId: r.messageId } : {}),
          ...(r.cut ? { cut: r.cut } : {}),
        });
        this.record(...indent(r.via === 'bus' ? `${displayName(key(receiver))}: ${r.output}` : r.output));
      } else {
        const at = `line ${this.lineNo}, column ${r.column}`;
        outputs.push(r.via === 'local' ? { kind: 'error', text: at, localReason: r.output } : { kind: 'error', text: `${at}: ${r.output}` });
        this.record(...indent(`(no answer: ${r.output})`));
      }
    }
    return { outputs };
  }

  private command(cmd: string): { outputs: SessionOutput[]; end?: true } {
    const name = cmd.split(/\s+/)[0]!;
    switch (name) {
      case ':thread':
        return { outputs: [{ kind: 'info', text: this.threadId }] };
      case ':help':
        return { outputs: [{ kind: 'info', text: SESSION_HELP }] };
      case ':new':
        this.threadId = newMessageId();
        this.turns.clear();
        return { outputs: [{ kind: 'info', text: `new thread ${this.threadId} (the recent lines stay in the context)` }] };
      case ':quit':
      case ':exit':
        return { outputs: [], end: true };
      default:
        return { outputs: [{ kind: 'error', text: `line ${this.lineNo}, column 1: unknown session command '${name.slice(0, 40)}' (:help lists them)` }] };
    }
  }

  /**
   * A receiver the session does not know (not built in, not in vocabularies/, not defined in the
   * session with `# Name : Parent`): reported with its position instead of silently created, as
   * `dispatch run` would, because in a session it is nearly always a typo.
   */
  private unknownReceiver(statements: Statement[]): SessionOutput | undefined {
    const defined = new Set(statements.flatMap((s) => (s.kind === 'heading' && s.level === 1 ? [key(s.name)] : [])));
    for (const st of statements) {
      for (const name of receiversOf(st)) {
        if (this.registry.has(name) || defined.has(key(name))) continue;
        // Names a vocabulary file defined are a bus writer's words: counted here, listed in a fence.
        const others = this.registry.names().filter((n) => !this.builtinNames.includes(n));
        const more = others.length ? `, and ${others.length} more from the vocabularies or this session, in the fence below` : '';
        // As send answers @gemni: the closest receiver every session knows, named (a vocabulary's are a writer's words).
        const meant = closestName(key(name), this.builtinNames.map(key));
        const guess = meant === undefined ? '' : `; did you mean @${meant}?`;
        return {
          kind: 'error',
          text: `line ${this.lineNo}, column ${st.column}: unknown receiver ${name}${guess} (known: ${this.builtinNames.join(', ')}${more}); to add a new one, define it first with '# ${name} : Agent'`,
          ...(others.length ? { untrusted: untrustedDetail('receiver names', others.join('\n')) } : {}),
        };
      }
    }
    return undefined;
  }

  private ask(signal: AbortSignal): Ask {
    return async (receiver, text) => {
      try {
        this.opts.bus?.check();
      } catch (err) {
        if (err instanceof AliveError) return { ok: false, reason: err.message };
        throw err;
      }
      const namesBefore = answerPlaceNames(this.opts.root, receiver);
      const sent = await sendMessage({
        root: this.opts.root,
        to: receiver,
        from: this.opts.from,
        body: text,
        context: this.context([receiver, ...this.named]),
        thread: this.threadId,
        // The receiver's next turn of the thread: its prompt says "turn N of at most <budget>", and
        // its budget counts its answers per thread (threads.ts) as this counts the lines sent to it.
        turn: (this.turns.get(normaliseName(receiver, 'receiver')) ?? 0) + 1,
      });
      this.turns.set(sent.to, sent.turn);
      this.opts.bus?.sent();
      // The start of a long answer is shown (responses.ts ANSWER_SHOWN_BYTES), and no more of it read.
      this.onWait?.(displayName(sent.to));
      const waited = await waitForResponse(this.opts.root, sent.to, sent.id, this.opts.waitMs, signal, { namesBefore, prefixBytes: ANSWER_READ_BYTES });
      if (waited.ok) {
        const shown = shownAnswer(waited.value);
        return { ok: true, body: shown.body, messageId: sent.id, ...(shown.cut ? { cut: shown.cut } : {}) };
      }
      const who = displayName(sent.to);
      if ('deadLettered' in waited) {
        const budget = waited.deadLettered.code === 'turn_budget' ? "; ':new' starts a new thread" : '';
        // The reason quotes the failing agent and lies where any bus writer can write: fenced, as run does.
        const f = fenceData('UNTRUSTED REASON', waited.deadLettered.reason);
        return {
          ok: false,
          reason: `${who} did not answer: msg-${sent.id} is in its dead-letter${budget}; its reason (untrusted text; it ends at the END line with the same number):\n${f.open}\n${f.body}\n${f.close}`,
          messageId: sent.id,
        };
      }
      if ('unreadableAnswer' in waited) return { ok: false, reason: unreadableText(who, sent.id, waited.unreadableAnswer), messageId: sent.id };
      if ('closed' in waited) return { ok: false, reason: closedText(who, sent.id), messageId: sent.id };
      if ('aborted' in waited) {
        return {
          ok: false,
          reason: `stopped waiting for ${who}; msg-${sent.id} stays queued (its answer will be in runtimes/${sent.to}/outbox/); ${laterText(sent.id, who)}`,
          messageId: sent.id,
        };
      }
      return {
        ok: false,
        reason: `no answer from ${who} within ${this.opts.waitMs / 1000} s; msg-${sent.id} stays queued (is 'dispatch serve ${who}' running?); ${laterText(sent.id, who)}${waitUnlistedSuffix(waited, who)}`,
        messageId: sent.id,
      };
    };
  }

  private record(...lines: string[]): void {
    this.transcript.push(...lines);
    // Keep a little more than the context shows; older lines can never be shown again.
    if (this.transcript.length > CONTEXT_LIMITS.lines * 2) this.transcript.splice(0, this.transcript.length - CONTEXT_LIMITS.lines);
  }
}

/** The receivers a statement addresses or names as values. */
function receiversOf(st: Statement): string[] {
  const out: string[] = [];
  if ('receiver' in st) out.push(...st.receiver);
  if (st.kind === 'keywordMessage') for (const a of st.args) if (a.value.kind === 'receiver') out.push(...a.value.path);
  return out;
}

function receiversNamed(statements: Statement[]): string[] {
  return [...new Set(statements.flatMap(receiversOf))];
}

/**
 * An answer for the transcript: cut to a bounded length, every line indented by two spaces (so no
 * line of it starts with `#`), escapes left as they are (the context is fenced data for the agent).
 */
function indent(text: string): string[] {
  const cut = text.length > CONTEXT_LIMITS.answerChars ? `${text.slice(0, CONTEXT_LIMITS.answerChars)}…` : text;
  return cut
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => `  ${l}`);
}

/** The last lines of `lines`, at most `maxLines` and `maxBytes` (UTF-8) together. */
export function boundedTail(lines: string[], maxLines: number, maxBytes: number): string[] {
  const out: string[] = [];
  let bytes = 0;
  for (let i = lines.length - 1; i >= 0 && out.length < maxLines; i--) {
    const b = Buffer.byteLength(lines[i]!, 'utf8') + 1;
    if (bytes + b > maxBytes) break;
    bytes += b;
    out.unshift(lines[i]!);
  }
  return out;
}
