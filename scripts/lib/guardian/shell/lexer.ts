/**
 * The shell reader's lexer: splits a command line into words, operators and redirections the way
 * bash does for the parts that decide where output goes (quoting, escapes, `$'…'`, brace
 * expansion, here-documents, the ends of `$(…)`, `${…}`, backquotes and arithmetic), reading the
 * commands nested in a word through the reader's callbacks.
 */
import { bracketAt, MKTEMP } from './names.ts';
import {
  type HeredocText,
  type Nested,
  type Part,
  type ShellScope,
  type ShellToken,
  type VarValue,
  type Word,
  arithmeticUnknown,
  asInput,
  exact,
  text,
  valueText,
} from './words.ts';
const METACHAR = /[ \t\n;&|()<>]/;
const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

const UTF8 = new TextEncoder();

/**
 * The text of a `$'…'` string, or undefined for an escape this reader does not decode, or bytes
 * that are not UTF-8. As bash does in a UTF-8 locale, `\xHH` and octal escapes are bytes (`caf\xc3\xa9`
 * is `café`), `\u` and `\U` characters; the string ends at a NUL byte (`log.md\x00x` is `log.md`).
 */
function ansiC(body: string): string | undefined {
  const bytes: number[] = [];
  const char = (c: string) => bytes.push(...UTF8.encode(c));
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c !== '\\') {
      char(c);
      continue;
    }
    const e = body[++k];
    if (e === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[e];
    const hex = /^(?:x([0-9A-Fa-f]{1,2})|u([0-9A-Fa-f]{1,4})|U([0-9A-Fa-f]{1,8}))/.exec(body.slice(k));
    const octal = /^[0-7]{1,3}/.exec(body.slice(k));
    if (simple !== undefined) char(simple);
    else if (hex?.[1] !== undefined) {
      bytes.push(parseInt(hex[1], 16));
      k += hex[0].length - 1;
    } else if (hex) {
      const code = parseInt(hex[2] ?? hex[3]!, 16);
      if (code > 0x10ffff) return undefined;
      char(String.fromCodePoint(code));
      k += hex[0].length - 1;
    } else if (octal) {
      bytes.push(parseInt(octal[0], 8) & 0xff);
      k += octal[0].length - 1;
    } else return undefined;
  }
  const nul = bytes.indexOf(0);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(nul < 0 ? bytes : bytes.slice(0, nul)));
  } catch {
    return undefined;
  }
}

const MAX_BRACE_WORDS = 64;
const MAX_BRACE_GROUPS = 16;
const MAX_BRACE_PARTS = 1024;

/**
 * The words of a sequence expression (`{f..h}`, `{1..10..2}`, `{01..10}`, as bash makes them: every
 * character between two letters, numbers padded as the wider end when one starts with 0), 'many'
 * past MAX_BRACE_WORDS, or undefined for text that is none.
 */
function sequence(body: string): string[] | 'many' | undefined {
  const m = /^(?:([A-Za-z])\.\.([A-Za-z])|([-+]?\d{1,15})\.\.([-+]?\d{1,15}))(?:\.\.([-+]?\d{1,15}))?$/.exec(body);
  if (!m) return undefined;
  const step = Math.abs(Number(m[5] ?? 1)) || 1;
  const letters = m[1] !== undefined;
  const from = letters ? m[1]!.charCodeAt(0) : Number(m[3]);
  const to = letters ? m[2]!.charCodeAt(0) : Number(m[4]);
  if (Math.abs(to - from) / step >= MAX_BRACE_WORDS) return 'many';
  const width = !letters && (/^[-+]?0\d/.test(m[3]!) || /^[-+]?0\d/.test(m[4]!)) ? Math.max(m[3]!.length, m[4]!.length) : 0;
  const shown = (n: number) => (letters ? String.fromCharCode(n) : n < 0 ? `-${String(-n).padStart(width - 1, '0')}` : String(n).padStart(width, '0'));
  const words: string[] = [];
  for (let n = from; from <= to ? n <= to : n >= to; n += from <= to ? step : -step) words.push(shown(n));
  return words;
}

/**
 * Brace expansion (`log.md{,.bak}` → `log.md log.md.bak`, `lo{f..h}.md` → `lof.md log.md loh.md`),
 * on unquoted braces holding a comma at their own level, or a sequence; other braces stay as they
 * are. One pass finds the leftmost such group; the alternatives are expanded in turn. Past
 * MAX_BRACE_WORDS words, or too many groups, the braces' results are unknown, read from the
 * word's text (the rest of the word is known): none of its words is left out.
 */
export function expandBraces(word: Word): Word[] {
  const words = expandGroups(word, 0);
  if (words) return words;
  // One input text for all the braces (a word of thousands of groups made thousands of copies).
  const fed = { texts: [text(word)] };
  return [{ parts: word.parts.map((x) => (x.brace ? { text: x.text, known: false, fed } : x)), raw: word.raw }];
}

/** The words of expandBraces, or undefined past its limits (which a word inside passing them passes too). */
function expandGroups(word: Word, depth: number): Word[] | undefined {
  const p = word.parts;
  if (depth > MAX_BRACE_GROUPS || p.length > MAX_BRACE_PARTS) return undefined;
  const open: { at: number; commas: number[] }[] = [];
  let group: { at: number; commas: number[]; close: number; words?: string[] | 'many' | undefined } | undefined;
  for (let k = 0; k < p.length; k++) {
    const part = p[k]!;
    if (!part.brace) continue;
    if (part.text === '{') open.push({ at: k, commas: [] });
    else if (part.text === ',') open[open.length - 1]?.commas.push(k);
    else {
      const g = open.pop();
      const body = g && g.commas.length === 0 && k === g.at + 2 && p[g.at + 1]!.known ? p[g.at + 1]! : undefined;
      const words = body && !body.brace ? sequence(body.text) : undefined;
      if (g && (g.commas.length > 0 || words) && (!group || g.at < group.at)) group = { ...g, close: k, words };
    }
  }
  if (!group) return [word];
  if (group.words === 'many') return undefined;
  const bounds = [group.at, ...group.commas, group.close];
  const alternatives = group.words ? group.words.map((t): Part[] => [{ text: t, known: true }]) : bounds.slice(1).map((end, a) => p.slice(bounds[a]! + 1, end));
  const out: Word[] = [];
  for (const alternative of alternatives) {
    const words = expandGroups({ parts: [...p.slice(0, group.at), ...alternative, ...p.slice(group.close + 1)], raw: word.raw }, depth + 1);
    if (words === undefined) return undefined;
    out.push(...words);
    if (out.length > MAX_BRACE_WORDS) return undefined;
  }
  return out;
}

/** How deep `"$(…"$(…)…)"` may nest before a `$(` in double quotes is read as text. */
const MAX_QUOTE_NEST = 64;

/**
 * Where the `)` closing a `(` just before `from` stands (src.length when none). Quotes, escapes,
 * backquotes, comments and here-document bodies are passed over as the shell reads them, so that
 * an apostrophe in a heredoc (`git commit -m "$(cat <<'EOF'` …) or in a comment cannot hide the
 * `)`; in arithmetic (`$((…))`, `((…))`) a `<<` is a shift. Linear: a `$(` inside double quotes
 * is scanned once, by a nested call, and passed over.
 */
function closingParen(src: string, from: number, nest = 0): number {
  let depth = 1;
  let arithmeticAt = -1; // the depth an arithmetic (( … )) returns to when it closes
  const heredocs: Heredoc[] = [];
  let wordStart = true;
  let j = from;
  while (j < src.length) {
    const c = src[j]!;
    const atWordStart = wordStart;
    wordStart = false;
    if (c === '\\') j += 2;
    else if (c === "'") {
      const end = src.indexOf("'", j + 1);
      j = end === -1 ? src.length : end + 1;
    } else if (c === '"') j = closingQuote(src, j + 1, nest);
    else if (c === '`') j = closingBackquote(src, j + 1);
    else if (c === '$' && src[j + 1] === '{') j = closingBrace(src, j + 2, nest + 1) + 1;
    else if (c === '#' && atWordStart) {
      const end = src.indexOf('\n', j);
      j = end === -1 ? src.length : end;
    } else if (c === '\n') {
      j = pastHeredocBodies(src, j + 1, heredocs);
      wordStart = true;
    } else if (c === '(') {
      if (src[j - 1] === '(' && arithmeticAt < 0) arithmeticAt = depth;
      depth++;
      j++;
      wordStart = true;
    } else if (c === ')') {
      if (--depth === 0) return j;
      if (depth === arithmeticAt) arithmeticAt = -1;
      j++;
      wordStart = true;
    } else if (c === '<' && src.startsWith('<<<', j)) j += 3;
    else if (c === '<' && src[j + 1] === '<' && arithmeticAt < 0) j = heredocStart(src, j + 2, heredocs);
    else {
      wordStart = c === ' ' || c === '\t' || c === ';' || c === '&' || c === '|' || c === '<' || c === '>';
      j++;
    }
  }
  return src.length;
}

/**
 * True when the text of a `$(…)` is an arithmetic expression, `(…)`, as bash decides at expansion
 * (chk_arithsub): the `(` it starts with is closed by the `)` it ends with, parentheses counted past
 * quotes and escapes. Also when the shell's own reading agrees (closingParen), else it is commands,
 * read as such, `$((echo a);(rm …))` and `$((rm …) )` among them.
 */
function isArithmetic(inner: string): boolean {
  if (!inner.startsWith('(') || !inner.endsWith(')') || closingParen(inner, 1) !== inner.length - 1) return false;
  let depth = 0;
  for (let k = 1; k < inner.length - 1; k++) {
    const c = inner[k];
    if (c === '(') depth++;
    else if (c === ')' && --depth < 0) return false;
    else if (c === '\\') k++;
    else if (c === "'") {
      k = inner.indexOf("'", k + 1);
      if (k < 0) return false;
    } else if (c === '"') k = closingQuote(inner, k + 1, 0) - 1;
  }
  return depth === 0;
}

/** Past the `"` closing a double-quoted string that starts at `from`. */
function closingQuote(src: string, from: number, nest: number): number {
  let j = from;
  while (j < src.length) {
    const c = src[j]!;
    if (c === '"') return j + 1;
    if (c === '\\') j += 2;
    else if (c === '`') j = closingBackquote(src, j + 1);
    else if (c === '$' && src[j + 1] === '(' && nest < MAX_QUOTE_NEST) j = closingParen(src, j + 2, nest + 1) + 1;
    else if (c === '$' && src[j + 1] === '{') j = closingBrace(src, j + 2, nest + 1) + 1;
    else j++;
  }
  return src.length;
}

/**
 * Where the `}` closing a `${` just before `from` stands, as bash finds it: past quotes (`$'…'`
 * with its escapes), escapes, backquotes, `$(…)`, `<(…)` and nested `${…}`; a `{` alone is text.
 * src.length when none, or when nested deeper than MAX_QUOTE_NEST (the caller fails closed).
 */
function closingBrace(src: string, from: number, nest = 0): number {
  if (nest > MAX_QUOTE_NEST) return src.length;
  let j = from;
  while (j < src.length) {
    const c = src[j]!;
    const next = src[j + 1];
    if (c === '}') return j;
    if (c === '\\') j += 2;
    else if (c === "'" || (c === '$' && next === "'")) {
      let k = c === '$' ? j + 2 : j + 1;
      while (k < src.length && src[k] !== "'") k += c === '$' && src[k] === '\\' ? 2 : 1;
      j = k + 1;
    } else if (c === '"') j = closingQuote(src, j + 1, nest + 1);
    else if (c === '`') j = closingBackquote(src, j + 1);
    else if (next === '(' && (c === '$' || c === '<' || c === '>')) j = nest < MAX_QUOTE_NEST ? closingParen(src, j + 2, nest + 1) + 1 : src.length;
    else if (c === '$' && next === '{') j = closingBrace(src, j + 2, nest + 1) + 1;
    else j++;
  }
  return src.length;
}

/** Past the backquote closing a command substitution that starts at `from`. */
function closingBackquote(src: string, from: number): number {
  let j = from;
  while (j < src.length && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
  return Math.min(j + 1, src.length);
}

interface Heredoc {
  delimiter: string;
  stripTabs: boolean;
}

/** Reads the delimiter of a `<<` or `<<-` whose operator ends before `from`; returns where it ends. */
function heredocStart(src: string, from: number, heredocs: Heredoc[]): number {
  let j = from;
  const stripTabs = src[j] === '-';
  if (stripTabs) j++;
  while (src[j] === ' ' || src[j] === '\t') j++;
  let delimiter = '';
  while (j < src.length && !METACHAR.test(src[j]!)) {
    const c = src[j]!;
    if (c === "'" || c === '"') {
      const end = src.indexOf(c, j + 1);
      const stop = end === -1 ? src.length : end;
      delimiter += src.slice(j + 1, stop);
      j = stop + 1;
    } else if (c === '\\') {
      delimiter += src[j + 1] ?? '';
      j += 2;
    } else {
      delimiter += c;
      j++;
    }
  }
  if (delimiter !== '') heredocs.push({ delimiter, stripTabs });
  return j;
}

/**
 * The body of a here-document that starts at `from`: where it ends (the start of its delimiter
 * line, or src.length) and where the text after its delimiter line starts.
 */
function heredocBody(src: string, from: number, { delimiter, stripTabs }: Heredoc): { end: number; next: number } {
  let j = from;
  while (j < src.length) {
    let end = src.indexOf('\n', j);
    if (end === -1) end = src.length;
    let line = src.slice(j, end);
    if (stripTabs) line = line.replace(/^\t+/, '');
    if (line === delimiter) return { end: j, next: Math.min(end + 1, src.length) };
    j = Math.min(end + 1, src.length);
  }
  return { end: src.length, next: src.length };
}

/** Past the bodies of the here-documents opened on the line that ended before `from`. */
function pastHeredocBodies(src: string, from: number, heredocs: Heredoc[]): number {
  let j = from;
  while (heredocs.length > 0 && j < src.length) j = heredocBody(src, j, heredocs.shift()!).next;
  heredocs.length = 0;
  return j;
}

/** `~` and a bare `cd`: the HOME the command sees, as far as it is known. */
export function homeOf(scope: ShellScope): string | undefined {
  const home = scope.vars.get('HOME');
  return typeof home === 'string' ? home : undefined;
}

/** Splits a command line into words, operators and redirections. */
export class Lexer {
  private i = 0;
  private braceDepth = 0;
  private readonly pendingHeredocs: (Heredoc & { expands: boolean; body: HeredocText })[] = [];

  constructor(
    private readonly src: string,
    private readonly scope: () => ShellScope,
    private readonly nested: Nested,
    /** Takes `n` characters from the command's expansion budget; false when too few are left. */
    private readonly spend: (n: number) => boolean,
    /** Reports commands run that the text does not show (`part` stands for what they write). */
    private readonly unseen: (part: Part, via: string) => void,
  ) {}

  /** Where the lexer stands in its text: just past the token it yielded last. */
  get at(): number {
    return this.i;
  }

  /** Lazily: a variable assigned by one command is known when the next one is read. */
  *tokens(): Generator<ShellToken> {
    for (;;) {
      this.skipBlanks();
      if (this.i >= this.src.length) return;
      const c = this.src[this.i]!;
      if (c === '#') {
        while (this.i < this.src.length && this.src[this.i] !== '\n') this.i++;
        continue;
      }
      if (c === '\n') {
        this.i++;
        // The bodies first: a command reading one (`bash <<'EOF'`) runs at the end of its line.
        this.skipHeredocBodies();
        yield { t: 'op', op: ';' };
        continue;
      }
      if (this.src.startsWith('((', this.i)) {
        // An arithmetic command: its `<<` is a shift, not a here-document; its $(…) are read as
        // commands. Not closed by `))`, it is two subshells that only looked like one (bash's rule).
        this.parenthesized(this.i);
        yield { t: 'word', word: { parts: [{ text: '((…))', known: false }] } };
        continue;
      }
      const op = this.atProcessSubstitution() ? undefined : this.operator();
      if (op) {
        yield op;
        continue;
      }
      const at = this.i;
      const word = this.word();
      // Every character ends a word or is read by one: a lexer that stops moving would never end.
      if (this.i === at) throw new Error(`shell reader: no token at character ${at}`);
      if (this.src[this.i] === '(' && exact(word) && /^[A-Za-z_]\w*\+?=$/.test(text(word))) {
        // `a=(x y)`, `a+=(…)`: an array, not `a=` and a subshell; what it holds is read from its
        // elements' text (their $(…) run now).
        const inner = this.balanced(this.i + 1);
        this.nested(`: ${inner}`);
        // A key's subscript is evaluated, its quoted `$(…)` too (`a=(['$(rm …)']=1)`): not seen.
        if (/\[[\s\S]*\]\+?=/.test(inner) && /\$\(|`/.test(inner))
          this.unseen({ text: '(…)', known: false, fed: { texts: [this.src] } }, 'an array key it cannot read');
        word.parts.push({ text: '(…)', known: false, fed: { texts: [inner] } });
        word.raw = `${word.raw ?? ''}(${inner})`;
      }
      // A word of digits directly followed by < or > is a file-descriptor number.
      if (/^\d+$/.test(text(word)) && exact(word) && /[<>]/.test(this.src[this.i] ?? '')) continue;
      yield { t: 'word', word };
    }
  }

  private skipBlanks(): void {
    for (;;) {
      const c = this.src[this.i];
      if (c === ' ' || c === '\t') this.i++;
      else if (c === '\\' && this.src[this.i + 1] === '\n') this.i += 2;
      else return;
    }
  }

  private skipHeredocBodies(): void {
    while (this.pendingHeredocs.length > 0 && this.i < this.src.length) {
      const heredoc = this.pendingHeredocs.shift()!;
      const { end, next } = heredocBody(this.src, this.i, heredoc);
      heredoc.body.text = this.src.slice(this.i, end);
      if (heredoc.expands) new Lexer(this.src.slice(this.i, end), this.scope, this.nested, this.spend, this.unseen).expandedBody();
      this.i = next;
    }
  }

  /** An unquoted heredoc body: read as a double-quoted string to its end (a `"` is text there). */
  expandedBody(): void {
    this.doubleQuoted(() => {}, false);
  }

  private operator(): ShellToken | undefined {
    const rest = this.src.slice(this.i, this.i + 3);
    for (const op of ['&>>', '&&', '||', ';;', '|&', '&>', '>>', '>|', '>&', '<>', '<<<', '<<-', '<<', '<&', '>', '<', ';', '&', '|', '(', ')']) {
      if (!rest.startsWith(op)) continue;
      this.i += op.length;
      if (!/[<>]/.test(op)) return { t: 'op', op: op === '|&' ? '|' : op };
      this.skipBlanks();
      if (op === '>&' || op === '<&') {
        // `>&2`, `>&-`: a descriptor, not a file. `>&file` is the same as `&>file`.
        const m = /^(?:\d+|-)(?=[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.i));
        if (m || op === '<&') {
          if (m) this.i += m[0].length;
          else this.word();
          // `<&3`, `<&$fd`: input from a descriptor the command opened, apart from stdin and a close.
          const opened = op === '<&' && m?.[0] !== '-' && m?.[0] !== '0';
          return { t: 'redir', op: opened ? '<&' : '<', target: undefined };
        }
        return { t: 'redir', op: '&>', target: this.word() };
      }
      const target = this.i < this.src.length && (!/[\n;&|()<>]/.test(this.src[this.i]!) || this.atProcessSubstitution()) ? this.word() : undefined;
      if ((op === '<<' || op === '<<-') && target) {
        // An unquoted delimiter: the shell runs the body's $(…) and `…` (a quoted one: the body is text).
        const expands = !/['"\\]/.test(target.raw ?? '');
        const body: HeredocText = { text: undefined, expands };
        this.pendingHeredocs.push({ delimiter: text(target), stripTabs: op === '<<-', expands, body });
        return { t: 'redir', op, target, body };
      }
      return { t: 'redir', op, target };
    }
    return undefined;
  }

  private atProcessSubstitution(): boolean {
    return /^[<>]\(/.test(this.src.slice(this.i, this.i + 2));
  }

  private word(): Word {
    const start = this.i;
    const parts: Part[] = [];
    const add = (p: Part) => {
      // An empty expansion is kept: unquoted and alone, it is no word at all (shell/fields.ts).
      if (p.text !== '' || p.split) parts.push(p);
    };
    const push = (t: string, known: boolean) => add({ text: t, known });
    const atStart = () => parts.length === 0;
    let bracket: ReturnType<typeof bracketAt>;
    if (this.atProcessSubstitution()) {
      this.nested(this.balanced(this.i + 2));
      push(this.src.slice(start, this.i), false);
    }
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (METACHAR.test(c)) break;
      if (c === '\\') {
        const next = this.src[this.i + 1];
        this.i += 2;
        if (next !== undefined && next !== '\n') push(next, true);
      } else if (c === "'") {
        const end = this.src.indexOf("'", this.i + 1);
        const stop = end === -1 ? this.src.length : end;
        push(this.src.slice(this.i + 1, stop), true);
        this.i = stop + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(add);
      } else if (c === '$' && this.src[this.i + 1] === '"') {
        this.i++; // $"…" (a translated string) reads as "…"
      } else if (c === '$') {
        this.dollar(add, true);
      } else if (c === '`') {
        this.backquoted(add);
      } else if (c === '~' && atStart()) {
        const m = /^~(?=\/|[ \t\n;&|()<>]|$)/.exec(this.src.slice(this.i));
        this.i++;
        const home = homeOf(this.scope());
        if (m && home !== undefined) push(home, true);
        else push('~', false);
      } else if (c === '[' && (bracket = bracketAt(this.src, this.i)) !== undefined) {
        // A bracket expression (`[l]og.md`, `[a-z]`): a glob of one character, as `?` is; one that
        // globMatches cannot take as written (`[[:alpha:]]`, `[\l]`) is read as `?`.
        add({ text: bracket.exact ? this.src.slice(this.i, bracket.end) : '?', known: false, glob: true });
        this.i = bracket.end;
      } else if (c === '*' || c === '?' || c === '[') {
        this.i++;
        add({ text: c, known: false, ...(c !== '[' && { glob: true }) });
      } else if (c === '{' || c === ',' || c === '}') {
        this.i++;
        parts.push({ text: c, known: true, brace: true });
      } else {
        let j = this.i;
        while (j < this.src.length && !/[ \t\n;&|()<>\\'"$`*?[{},]/.test(this.src[j]!)) j++;
        push(this.src.slice(this.i, j), true);
        this.i = j;
      }
    }
    return { parts, raw: this.src.slice(start, this.i) };
  }

  private doubleQuoted(add: (p: Part) => void, closesAtQuote = true): void {
    const push = (t: string, known: boolean) => add({ text: t, known });
    while (this.i < this.src.length) {
      const c = this.src[this.i]!;
      if (c === '"') {
        this.i++;
        if (closesAtQuote) return;
        push('"', true);
        continue;
      }
      if (c === '\\') {
        const next = this.src[this.i + 1];
        this.i += 2;
        if (next === undefined) return;
        if ('$`"\\'.includes(next)) push(next, true);
        else if (next !== '\n') push(`\\${next}`, true);
      } else if (c === '$' && this.src[this.i + 1] !== "'") {
        this.dollar(add);
      } else if (c === '`') {
        this.backquoted(add);
      } else {
        // A `$'` is text here, not a `$'…'` string.
        let j = this.i + 1;
        while (j < this.src.length && !'"\\$`'.includes(this.src[j]!)) j++;
        push(this.src.slice(this.i, j), true);
        this.i = j;
      }
    }
  }

  /** `$NAME`, `${NAME}`, `$(…)`, `$((…))`, `$'…'`, or a lone `$`. */
  /** `unquoted`: outside double quotes, where bash expands a `*` or `?` a value holds as a glob. */
  private dollar(add: (p: Part) => void, unquoted = false): void {
    /** `split`: the text of a variable, which bash splits at IFS outside double quotes. */
    const push = (t: string, known: boolean, split = false) => {
      if (!unquoted || !known || !/[*?[]/.test(t)) return add({ text: t, known, ...(split && unquoted && known && { split }) });
      // `x='*'; rm …/$x`: the value's stars are globs there, its other text as it is; a bracket
      // expression it holds (`x='[l]og.md'`) stands for any one character.
      for (const piece of t.split(/(\[[^\]]*\]|[*?])/)) {
        if (piece === '') continue;
        const glob = piece === '*' || piece === '?' || (piece.startsWith('[') && piece.length > 2);
        add(glob ? { text: piece.startsWith('[') ? '?' : piece, known: false, glob: true } : { text: piece, known: true, ...(split && { split }) });
      }
    };
    const rest = this.src.slice(this.i + 1);
    if (rest.startsWith('(')) {
      const inner = this.parenthesized(this.i + 1);
      // What it prints is the names (`rm $(echo log.md)`): read from its text, as `f=$(…)` is.
      // `$((…))` too is not taken for a number: what a variable in it holds is known only where the
      // text stands, not after a loop, a function, a trap or mapfile set it to `x[$(rm …)]` (a
      // subscript bash runs), and IFS may split the digits it makes (review 2026-12-06).
      add({ text: '$(…)', known: false, fed: { texts: [inner] }, ...(MKTEMP.test(inner) && { fresh: true }), ...(isArithmetic(inner) && { number: true }) });
      return;
    }
    if (rest.startsWith('[')) {
      // `$[…]`, bash's old arithmetic: a number, its names evaluated, its $(…) run.
      let end = this.i + 2;
      for (let open = 1; end < this.src.length; end++) {
        if (this.src[end] === '[') open++;
        else if (this.src[end] === ']' && --open === 0) break;
      }
      const inner = this.src.slice(this.i + 2, end);
      this.arithmetic(inner);
      if (/[$`]/.test(inner)) this.nested(`: ${inner}`);
      this.i = Math.min(end + 1, this.src.length);
      add({ text: '$[…]', known: false, number: true });
      return;
    }
    if (rest.startsWith("'")) {
      let j = this.i + 2;
      while (j < this.src.length && this.src[j] !== "'") j += this.src[j] === '\\' ? 2 : 1;
      const decoded = ansiC(this.src.slice(this.i + 2, j));
      push(decoded ?? this.src.slice(this.i, j + 1), decoded !== undefined);
      this.i = j + 1;
      return;
    }
    // A name, or a positional parameter: `$1` is one digit (`$10` is `${1}0`), `${10}` any number.
    const braced = /^\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])\}/.exec(rest);
    const plain = /^(?:[A-Za-z_][A-Za-z0-9_]*|[0-9@*])/.exec(rest);
    const name = braced?.[1] ?? plain?.[0];
    if (name !== undefined) {
      this.i += 1 + (braced ? braced[0].length : name.length);
      const value = this.scope().vars.get(name);
      if (value !== undefined && typeof value === 'object' && 'parts' in value) {
        if (this.spend(text(value).length)) for (const p of value.parts) add(p);
        else add({ text: `$${name}`, known: false, fed: { texts: [asInput(value)] } });
        return;
      }
      const size = typeof value === 'string' ? value.length : (value?.size ?? 0);
      // Beyond the budget the value is unknown, read from what it holds: a name of log.md in it still counts.
      if (value !== undefined && !this.spend(size)) add({ text: `$${name}`, known: false, fed: typeof value === 'string' ? { texts: [value] } : value.fed });
      else if (typeof value === 'object') add(value);
      else push(value ?? `$${name}`, value !== undefined, true);
      return;
    }
    if (rest.startsWith('{')) {
      const end = closingBrace(this.src, this.i + 2);
      const stop = Math.min(end + 1, this.src.length);
      const written = this.src.slice(this.i, stop);
      this.i += 2;
      this.inside(end, unquoted);
      // `${x@P}`: prompt expansion runs the command substitutions the value spells, as eval would
      // (`a='$'; b='('; x="${a}${b}rm …)"`); a value not known (an array's element too, not
      // followed) is commands not seen, read from its text, or from the command's when it has none.
      const prompt = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])(?:\[[^\]]*\])?@P\}$/.exec(written)?.[1];
      if (prompt !== undefined) {
        const value = this.scope().vars.get(prompt);
        if (typeof value === 'string' && !written.includes('[')) this.nested(value);
        else
          this.unseen(
            { text: written, known: false, fed: { texts: [(!written.includes('[') && valueText(value)) || this.src] } },
            `prompt expansion ${written}`,
          );
      }
      // `${a[n]}`, `${s:n:m}`: a subscript and an offset are arithmetic.
      const sub = /^\$\{[#!]?[A-Za-z_]\w*\[([^\]]*)\]/.exec(written)?.[1];
      const offset = /^\$\{[A-Za-z_]\w*(?:\[[^\]]*\])?:(?![-=+?])([^}]*)\}$/.exec(written)?.[1];
      for (const expr of [sub, offset]) if (expr !== undefined) this.arithmetic(expr);
      // `${!x}`: x's value is taken for a name, and the $(…) of a subscript in it runs
      // (`x='a[$(rm …)]'`), also when a loop, a function or a trap set it after this text: commands
      // not seen, read from the command's text. `${!a[@]}` and `${!pre*}` list names.
      if (/^\$\{!([A-Za-z_]\w*|\d+)(?![\w[*@])/.test(written))
        this.unseen({ text: written, known: false, fed: { texts: [this.src] } }, `indirect expansion ${written}`);
      // `${x:-WORD}`, `${x-WORD}`, `${x:=WORD}`, `${x:+WORD}`: the value may be WORD, as written.
      const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*]):?([-=+])([\s\S]*)\}$/.exec(written);
      const fallback = m?.[3];
      // `${TMPDIR:-/tmp}` of a variable set to known text: that text.
      const set = m && m[2] !== '+' ? this.scope().vars.get(m[1]!) : undefined;
      // `${L%x}`, `${L/a/b}`, `${L:0}`, `${!L}`: not worked out, but read from what L holds.
      const operated = m ? undefined : /^\$\{[!#]?([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*])[^A-Za-z0-9_}]/.exec(written)?.[1];
      const worked = operated !== undefined ? plainOperation(written, this.scope().vars.get(operated)) : undefined;
      if (typeof set === 'string' && (set !== '' || written[2 + m![1]!.length] !== ':') && this.spend(set.length)) push(set, true, true);
      else if (fallback) add({ text: written, known: false, fed: { texts: [fallback] }, ...(set === undefined && { outside: true }) });
      else if (worked !== undefined && this.spend(worked.length)) push(worked, true, true);
      else if (operated !== undefined) {
        // A value read from input keeps what feeds it (a here-document filled in later, a pipe, a loop's input).
        const value = this.scope().vars.get(operated);
        const fed = typeof value === 'object' && !('parts' in value) ? value.fed : undefined;
        add({ text: written, known: false, fed: fed ?? { texts: [valueText(value) ?? written] } });
      } else push(written, false);
      // `${x:=WORD}` also sets x, when the command has not: to WORD, as written.
      if (m && fallback && m[2] === '=' && /^[A-Za-z_]/.test(m[1]!) && this.scope().vars.get(m[1]!) === undefined) {
        this.scope().vars.set(m[1]!, /[$`\\'"]/.test(fallback) ? { text: `$${m[1]}`, known: false, fed: { texts: [fallback] } } : fallback);
      }
      this.i = stop;
      return;
    }
    const special = /^[0-9@*#?$!-]/.exec(rest);
    this.i += 1 + (special ? 1 : 0);
    push(special ? `$${special[0]}` : '$', !special);
  }

  /**
   * The text of a `${…}` up to `end`, its `}` (or of a `$((…))`, up to its inner `)`): every command
   * or process substitution in it is read as commands, wherever it stands (a default, a pattern, a
   * subscript, an offset), as bash may run it; in single quotes too, which bash expands in a
   * subscript, an offset or arithmetic. Fails closed (commands not seen, read from the whole
   * command) when the text does not end where bash ends it: nested past MAX_QUOTE_NEST, or, in
   * double quotes, single quotes around a `}`, a quote, a backslash or an expansion, which bash in
   * POSIX mode takes as text.
   */
  private inside(end: number, unquoted: boolean): void {
    const ignore = () => {};
    let unsure = this.braceDepth >= MAX_QUOTE_NEST || end >= this.src.length;
    this.braceDepth++;
    while (!unsure && this.i < end) {
      const c = this.src[this.i]!;
      if (c === '\\') this.i += 2;
      else if (c === "'" || (c === '$' && this.src[this.i + 1] === "'")) {
        const from = this.i + (c === '$' ? 2 : 1);
        let k = from;
        while (k < end && this.src[k] !== "'") k += c === '$' && this.src[k] === '\\' ? 2 : 1;
        const quoted = this.src.slice(from, k);
        if (!unquoted && /[}"\\$`]/.test(quoted)) unsure = true;
        else if (/[$`]/.test(quoted)) new Lexer(quoted, this.scope, this.nested, this.spend, this.unseen).expandedBody();
        this.i = k + 1;
      } else if (c === '"') {
        this.i++;
        this.doubleQuoted(ignore);
      } else if (c === '$') this.dollar(ignore);
      else if (c === '`') this.backquoted(ignore);
      else if ((c === '<' || c === '>') && this.src[this.i + 1] === '(') this.nested(this.balanced(this.i + 2));
      else this.i++;
    }
    this.braceDepth--;
    if (unsure || this.i !== end) this.unseen({ text: '$…', known: false, fed: { texts: [this.src] } }, 'an expansion it cannot read');
    this.i = end;
  }

  /**
   * The `(…)` at `at`, after a `$` or a `(`: arithmetic when it is closed (an unclosed one is bash's
   * syntax error) by a `))` as bash takes it, else commands (`$( (…) )`, `((a);(b))`). Its text.
   */
  private parenthesized(at: number): string {
    const inner = this.balanced(at + 1);
    const after = this.i;
    if (after - at - 2 === inner.length && isArithmetic(inner)) {
      this.arithmetic(inner);
      this.i = at + 2;
      this.inside(after - 2, true);
      this.i = after;
    } else this.nested(inner);
    return inner;
  }

  /** Arithmetic on a name whose value is not a known number: commands not seen, read from the command's text. */
  arithmetic(expr: string): void {
    const name = arithmeticUnknown(expr, this.scope().vars);
    if (name !== undefined) this.unseen({ text: expr, known: false, fed: { texts: [this.src] } }, `arithmetic on ${name}, which it cannot read`);
  }

  /** The text up to the `)` matching an opening one just before `from`; moves past it. */
  private balanced(from: number): string {
    const end = closingParen(this.src, from);
    this.i = Math.min(end + 1, this.src.length);
    return this.src.slice(from, end);
  }

  /** A `…` substitution: read as commands; unknown, but new when it is `mktemp` alone, as `$(mktemp)` is. */
  private backquoted(add: (p: Part) => void): void {
    let j = this.i + 1;
    let inner = '';
    while (j < this.src.length && this.src[j] !== '`') {
      if (this.src[j] === '\\' && j + 1 < this.src.length) {
        inner += this.src[j + 1];
        j += 2;
      } else inner += this.src[j++];
    }
    this.i = j + 1;
    this.nested(inner);
    // What it prints is the names, read from its text, as a `$(…)`'s is.
    add({ text: '`…`', known: false, fed: { texts: [inner] }, ...(MKTEMP.test(inner) && { fresh: true }) });
  }
}

/** Text a pattern or replacement may hold to be taken literally: no glob, quote, escape or expansion. */
const PLAIN_TEXT = /^[A-Za-z0-9._/:@+,=-]*$/;

/**
 * `${L%x}`, `${L%%x}`, `${L#x}`, `${L##x}`, `${L/x/y}`, `${L//x/y}`, `${L/#x/y}` and `${L/%x/y}` of a
 * variable whose value is known text, with a pattern and replacement of plain characters (a
 * literal pattern matches itself alone, so the longest and shortest forms agree): the result, as
 * bash gives it. Undefined for any other form, which stays unknown. `f=K/now.md; : > "${f/now/log}"`
 * emptied the log (fourth review of 2026-12-07).
 */
export function plainOperation(written: string, value: VarValue): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\$\{([A-Za-z_][A-Za-z0-9_]*)(%%?|##?|\/#|\/%|\/\/?)([\s\S]*)\}$/.exec(written);
  if (!m) return undefined;
  const op = m[2]!;
  let pattern = m[3]!;
  let replacement = '';
  if (op.startsWith('/')) {
    const slash = pattern.indexOf('/');
    if (slash >= 0) {
      replacement = pattern.slice(slash + 1);
      pattern = pattern.slice(0, slash);
    }
  }
  if (pattern === '' || !PLAIN_TEXT.test(pattern) || !PLAIN_TEXT.test(replacement)) return undefined;
  switch (op) {
    case '%':
    case '%%':
      return value.endsWith(pattern) ? value.slice(0, value.length - pattern.length) : value;
    case '#':
    case '##':
      return value.startsWith(pattern) ? value.slice(pattern.length) : value;
    case '/':
      return value.replace(pattern, () => replacement);
    case '//':
      return value.split(pattern).join(replacement);
    case '/#':
      return value.startsWith(pattern) ? replacement + value.slice(pattern.length) : value;
    default:
      return value.endsWith(pattern) ? value.slice(0, value.length - pattern.length) + replacement : value;
  }
}
