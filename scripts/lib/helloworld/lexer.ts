/**
 * HelloWorld lexer (helloworld-bus.md section 1.2), with the reference's defects fixed: every token
 * and every error carries a 1-based line and column (also after multi-line strings and comments),
 * unterminated strings and comments are errors, ASCII `->` is an alias for `→`, `''` inside a
 * string is a quote, and `;` is lexed so the parser can explain that cascades are unsupported.
 */

export type TokenType =
  | 'HEADING1'
  | 'HEADING2'
  | 'LIST_ITEM'
  | 'RECEIVER'
  | 'SYMBOL'
  | 'HASH'
  | 'DOUBLE_HASH'
  | 'ARROW'
  | 'DOT'
  | 'COMMA'
  | 'COLON'
  | 'DOUBLE_COLON'
  | 'SEMICOLON'
  | 'LBRACKET'
  | 'RBRACKET'
  | 'STRING'
  | 'NUMBER'
  | 'IDENTIFIER'
  | 'SUPER'
  | 'EOF';

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Token {
  type: TokenType;
  /** Token value: the name for receivers (no `@`), `#sym` for symbols, string contents... */
  value: string;
  start: Position;
  /** Offset just after the token. */
  end: number;
}

export class HelloWorldSyntaxError extends Error {
  override readonly name = 'HelloWorldSyntaxError';
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly file = '',
  ) {
    super(`${file ? `${file}:` : ''}${line}:${column}: ${reason}`);
  }
}

interface UnicodeClasses {
  identStart: RegExp;
  wordChar: RegExp;
  upper: RegExp;
  letter: RegExp;
}
let classes: UnicodeClasses | undefined;

/**
 * The lexer's Unicode classes, made at first use and from strings: V8 builds a \p{…} class when it
 * parses a regular expression literal, even one inside a function that never runs, and every
 * bundle that imports this module (through HelloWorldSyntaxError) would pay for it at start-up.
 */
function unicodeClasses(): UnicodeClasses {
  // biome-ignore-start lint/complexity/useRegexLiterals: a literal is what costs the start-up
  classes ??= {
    identStart: new RegExp('[\\p{Ll}_]', 'u'),
    wordChar: new RegExp('[\\p{L}\\p{N}_\\u2014]', 'u'),
    upper: new RegExp('\\p{Lu}', 'u'),
    letter: new RegExp('[\\p{L}_]', 'u'),
  };
  // biome-ignore-end lint/complexity/useRegexLiterals: a literal is what costs the start-up
  return classes;
}

export function tokenize(source: string, file = ''): Token[] {
  const { identStart: IDENT_START, wordChar: WORD_CHAR, upper: UPPER, letter: LETTER } = unicodeClasses();
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let col = 1;

  const pos = (): Position => ({ line, column: col, offset: i });
  const fail = (reason: string, at: Position = pos()): never => {
    throw new HelloWorldSyntaxError(reason, at.line, at.column, file);
  };
  /** Advances over source[i..to), keeping line and column right. */
  const advanceTo = (to: number) => {
    while (i < to) {
      if (source[i] === '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
      i++;
    }
  };
  const push = (type: TokenType, value: string, start: Position) => tokens.push({ type, value, start, end: i });

  // Front matter between --- lines, only at the very start.
  if (source.startsWith('---\n') || source.startsWith('---\r\n')) {
    const close = source.search(/\n---[ \t]*(\r?\n|$)/);
    if (close !== -1) {
      const after = source.indexOf('\n', close + 1);
      advanceTo(after === -1 ? source.length : after + 1);
    }
  }

  while (i < source.length) {
    const c = source[i]!;
    // whitespace
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      advanceTo(i + 1);
      continue;
    }
    const start = pos();
    // comments
    if (c === '"') {
      const close = source.indexOf('"', i + 1);
      if (close === -1) fail("unterminated comment: a '\"' opens a comment that never closes", start);
      advanceTo(close + 1);
      continue;
    }
    if (source.startsWith('<!--', i)) {
      const close = source.indexOf('-->', i + 4);
      if (close === -1) fail("unterminated comment: '<!--' without '-->'", start);
      advanceTo(close + 3);
      continue;
    }
    // Markdown at column 1
    if (col === 1) {
      const md = /^(## |# |- )([^\n]*)/.exec(source.slice(i, i + 10_000));
      if (md) {
        const kind = md[1] === '# ' ? 'HEADING1' : md[1] === '## ' ? 'HEADING2' : 'LIST_ITEM';
        advanceTo(i + md[0].length);
        push(kind, md[2]!.replace(/\r$/, '').trim(), start);
        continue;
      }
    }
    if (c === '@') {
      let j = i + 1;
      if (j < source.length && LETTER.test(source[j]!)) {
        while (j < source.length && (WORD_CHAR.test(source[j]!) || isInnerHyphen(source, j))) j++;
      }
      const name = source.slice(i + 1, j);
      advanceTo(j);
      push('RECEIVER', name === '' ? 'HelloWorld' : name, start);
      continue;
    }
    if (c === '#') {
      if (source[i + 1] === '#') {
        advanceTo(i + 2);
        push('DOUBLE_HASH', '##', start);
        continue;
      }
      let j = i + 1;
      if (j < source.length && LETTER.test(source[j]!)) {
        while (j < source.length && (WORD_CHAR.test(source[j]!) || isInnerHyphen(source, j))) j++;
        const sym = source.slice(i, j);
        advanceTo(j);
        push('SYMBOL', sym, start);
        continue;
      }
      advanceTo(i + 1);
      push('HASH', '#', start);
      continue;
    }
    if (c === '\u2192' || source.startsWith('->', i)) {
      advanceTo(i + (c === '\u2192' ? 1 : 2));
      push('ARROW', '\u2192', start);
      continue;
    }
    if (c === "'") {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= source.length) fail('unterminated string: add the closing quote', start);
        if (source[j] === "'") {
          if (source[j + 1] === "'") {
            value += "'";
            j += 2;
            continue;
          }
          break;
        }
        value += source[j];
        j++;
      }
      advanceTo(j + 1);
      push('STRING', value, start);
      continue;
    }
    if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9.]*[A-Za-z0-9]*/.exec(source.slice(i, i + 200))!;
      let text = m[0];
      // A trailing '.' ends a statement rather than belonging to the number.
      while (text.endsWith('.')) text = text.slice(0, -1);
      advanceTo(i + text.length);
      push('NUMBER', text, start);
      continue;
    }
    if (c === ':' && source[i + 1] === ':') {
      advanceTo(i + 2);
      push('DOUBLE_COLON', '::', start);
      continue;
    }
    const single: Record<string, TokenType> = {
      '.': 'DOT',
      ',': 'COMMA',
      ':': 'COLON',
      ';': 'SEMICOLON',
      '[': 'LBRACKET',
      ']': 'RBRACKET',
    };
    const st = single[c];
    if (st) {
      advanceTo(i + 1);
      push(st, c, start);
      continue;
    }
    if (UPPER.test(c) || IDENT_START.test(c)) {
      let j = i + 1;
      while (j < source.length && (WORD_CHAR.test(source[j]!) || isInnerHyphen(source, j))) j++;
      const word = source.slice(i, j);
      advanceTo(j);
      if (UPPER.test(c)) push('RECEIVER', word, start);
      else push(word === 'super' ? 'SUPER' : 'IDENTIFIER', word, start);
      continue;
    }
    // The whole character, not half of a surrogate pair (a letter outside the BMP, U+1D400).
    const whole = String.fromCodePoint(source.codePointAt(i)!);
    const shown = c === '\u0000' ? '\\0' : whole;
    fail(`unexpected character '${shown}'${hintFor(c)}`, start);
  }
  tokens.push({ type: 'EOF', value: '', start: pos(), end: i });
  return tokens;
}

/** A '-' between two word characters belongs to the word (`email-bridge`), unless it is `->`. */
function isInnerHyphen(source: string, j: number): boolean {
  const { wordChar } = unicodeClasses();
  return source[j] === '-' && source[j + 1] !== '>' && j + 1 < source.length && wordChar.test(source[j + 1]!) && j > 0 && wordChar.test(source[j - 1]!);
}

function hintFor(c: string): string {
  if (c === '?' || c === '!') return ': HelloWorld has no punctuation other than . , : [ ]; write the question as a string';
  if (c === '(' || c === ')') return ': there are no parentheses or nested expressions';
  if (c === '-') return ": a '-' starts a list item only at the start of a line";
  return '';
}
