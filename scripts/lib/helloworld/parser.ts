/**
 * HelloWorld parser (helloworld-bus.md section 1.3). Unlike the reference it never drops input
 * silently: a token that cannot continue or start a statement is an error with its line and
 * column; commas between keyword parts are accepted; `;` cascades and repeated keywords are
 * explained as errors.
 *
 *   program   := statement*
 *   statement := heading1 | heading2 | LIST_ITEM | SYMBOL ['.'] | receiverStatement ['.']
 *   receiverStatement := path ( suffix | keywordMessage | unaryMessage | ε )
 *   path      := RECEIVER ( '::' RECEIVER )*
 *   suffix    := ['.'] ( '##' | '#' [ '→' '[' [sym (',' sym)*] ']' ] | SYMBOL 'super'
 *                      | SYMBOL ':' value (','? (SYMBOL|IDENT) ':' value)* [STRING] | SYMBOL )
 *   keywordMessage := IDENT ':' value ( ','? IDENT ':' value )* [STRING]
 *   unaryMessage   := IDENT ['super']
 *   value     := SYMBOL | path | NUMBER | STRING | IDENT
 */
import { HelloWorldSyntaxError, tokenize, type Token, type TokenType } from './lexer.ts';

export interface Located {
  line: number;
  column: number;
  /** The statement's source text. */
  source: string;
}

export type Value =
  | { kind: 'symbol'; value: string }
  | { kind: 'receiver'; path: string[] }
  | { kind: 'number'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'identifier'; value: string };

export type Statement = Located &
  (
    | { kind: 'vocabularyQuery'; receiver: string[]; includeInherited: boolean }
    | { kind: 'vocabularyDefinition'; receiver: string[]; symbols: string[] }
    | { kind: 'scopedLookup'; receiver: string[]; symbol: string }
    | { kind: 'superLookup'; receiver: string[]; symbol: string }
    | { kind: 'unaryMessage'; receiver: string[]; message: string; isSuper: boolean }
    | { kind: 'keywordMessage'; receiver: string[]; args: { keyword: string; value: Value }[]; annotation?: string }
    | { kind: 'bareSymbol'; symbol: string }
    | { kind: 'heading'; level: 1 | 2; name: string; parent?: string }
    | { kind: 'description'; text: string }
  );

export function parseProgram(source: string, file = ''): Statement[] {
  return new Parser(source, tokenize(source, file), file).program();
}

class Parser {
  private i = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
    private readonly file: string,
  ) {}

  program(): Statement[] {
    const out: Statement[] = [];
    while (this.peek().type !== 'EOF') out.push(this.statement());
    return out;
  }

  private peek(n = 0): Token {
    return this.tokens[Math.min(this.i + n, this.tokens.length - 1)]!;
  }
  private next(): Token {
    const t = this.peek();
    if (t.type !== 'EOF') this.i++;
    return t;
  }
  private at(type: TokenType, n = 0): boolean {
    return this.peek(n).type === type;
  }
  private fail(reason: string, t: Token = this.peek()): never {
    throw new HelloWorldSyntaxError(reason, t.start.line, t.start.column, this.file);
  }
  private expect(type: TokenType, what: string): Token {
    if (!this.at(type)) this.fail(`expected ${what}, found ${describe(this.peek())}`);
    return this.next();
  }
  private located(start: Token): Located {
    const prev = this.tokens[this.i - 1] ?? start;
    return { line: start.start.line, column: start.start.column, source: this.source.slice(start.start.offset, prev.end) };
  }

  private statement(): Statement {
    const t = this.peek();
    switch (t.type) {
      case 'HEADING1': {
        this.next();
        const [name, parent] = splitHeading(t.value);
        if (name === '') this.fail('a heading needs a receiver name', t);
        return { kind: 'heading', level: 1, name, ...(parent ? { parent } : {}), ...this.located(t) };
      }
      case 'HEADING2': {
        this.next();
        // `## #` declares the symbol named "#" (HelloWorld's root vocabulary does).
        const raw = t.value.trim();
        const name = raw === '#' ? '#' : raw.replace(/^#/, '').trim();
        if (name === '') this.fail('a "## " heading needs a symbol name', t);
        return { kind: 'heading', level: 2, name, ...this.located(t) };
      }
      case 'LIST_ITEM':
        this.next();
        return { kind: 'description', text: t.value, ...this.located(t) };
      case 'SYMBOL': {
        this.next();
        this.endStatement();
        return { kind: 'bareSymbol', symbol: t.value, ...this.located(t) };
      }
      case 'RECEIVER':
        return this.receiverStatement();
      case 'SEMICOLON':
        return this.fail("cascades (';') are not supported: write one statement per message");
      default:
        return this.fail(`a statement starts with a receiver (such as Claude or @guardian), found ${describe(t)}`);
    }
  }

  private path(): string[] {
    const parts = [this.expect('RECEIVER', 'a receiver').value];
    while (this.at('DOUBLE_COLON')) {
      this.next();
      parts.push(this.expect('RECEIVER', "a receiver after '::'").value);
    }
    return parts;
  }

  private receiverStatement(): Statement {
    const start = this.peek();
    const receiver = this.path();
    // `Name.#...`: the dot joins the receiver to a vocabulary suffix.
    if (this.at('DOT') && ['HASH', 'DOUBLE_HASH', 'SYMBOL'].includes(this.peek(1).type)) this.next();
    const t = this.peek();
    let stmt: Statement;
    if (t.type === 'DOUBLE_HASH') {
      this.next();
      stmt = { kind: 'vocabularyQuery', receiver, includeInherited: true, ...this.located(start) };
    } else if (t.type === 'HASH') {
      this.next();
      if (this.at('ARROW')) {
        this.next();
        const symbols = this.symbolList();
        stmt = { kind: 'vocabularyDefinition', receiver, symbols, ...this.located(start) };
      } else {
        stmt = { kind: 'vocabularyQuery', receiver, includeInherited: false, ...this.located(start) };
      }
    } else if (t.type === 'SYMBOL') {
      this.next();
      if (this.at('SUPER')) {
        this.next();
        stmt = { kind: 'superLookup', receiver, symbol: t.value, ...this.located(start) };
      } else if (this.at('COLON')) {
        this.i--; // the symbol is the first keyword
        stmt = this.keywordMessage(start, receiver);
      } else {
        stmt = { kind: 'scopedLookup', receiver, symbol: t.value, ...this.located(start) };
      }
    } else if (t.type === 'IDENTIFIER' && this.at('COLON', 1)) {
      stmt = this.keywordMessage(start, receiver);
    } else if (t.type === 'IDENTIFIER') {
      this.next();
      let isSuper = false;
      if (this.at('SUPER')) {
        this.next();
        isSuper = true;
      }
      if (this.at('IDENTIFIER')) {
        const text = `${t.value} ${this.peek().value} …`;
        // `@codex` is read as the receiver `codex`, which only the @ form names again.
        const named = receiver.map((r) => (/^[A-Z]/.test(r) ? r : `@${r}`)).join('::');
        this.fail(
          `one unary message per statement: end '${t.value}' with '.' and start the next statement with a receiver; to send words as text, quote them after a keyword: ${named} ask: '${text}'`,
        );
      }
      stmt = { kind: 'unaryMessage', receiver, message: t.value, isSuper, ...this.located(start) };
    } else {
      stmt = { kind: 'vocabularyQuery', receiver, includeInherited: false, ...this.located(start) };
    }
    this.endStatement();
    return stmt;
  }

  private keywordMessage(start: Token, receiver: string[]): Statement {
    const args: { keyword: string; value: Value }[] = [];
    const seen = new Set<string>();
    for (;;) {
      const kw = this.next(); // IDENTIFIER or SYMBOL, followed by ':'
      this.expect('COLON', `':' after keyword '${kw.value}'`);
      if (seen.has(kw.value)) this.fail(`keyword '${kw.value}:' appears twice in one message`, kw);
      seen.add(kw.value);
      args.push({ keyword: kw.value, value: this.value() });
      if (this.at('COMMA') && (this.at('IDENTIFIER', 1) || this.at('SYMBOL', 1)) && this.at('COLON', 2)) {
        this.next();
        continue;
      }
      if ((this.at('IDENTIFIER') || this.at('SYMBOL')) && this.at('COLON', 1)) continue;
      if (this.at('IDENTIFIER')) this.fail(`expected ':' after keyword '${this.peek().value}'`, this.peek(1));
      break;
    }
    let annotation: string | undefined;
    if (this.at('STRING')) annotation = this.next().value;
    this.endStatement();
    return { kind: 'keywordMessage', receiver, args, ...(annotation !== undefined ? { annotation } : {}), ...this.located(start) };
  }

  private value(): Value {
    const t = this.peek();
    switch (t.type) {
      case 'SYMBOL':
        this.next();
        return { kind: 'symbol', value: t.value };
      case 'RECEIVER':
        return { kind: 'receiver', path: this.path() };
      case 'NUMBER':
        this.next();
        return { kind: 'number', value: t.value };
      case 'STRING':
        this.next();
        return { kind: 'string', value: t.value };
      case 'IDENTIFIER':
        this.next();
        return { kind: 'identifier', value: t.value };
      default:
        return this.fail(`expected a value (a #symbol, receiver, number, 'string' or word), found ${describe(t)}`);
    }
  }

  private symbolList(): string[] {
    this.expect('LBRACKET', "'[' to open the symbol list");
    const symbols: string[] = [];
    if (this.at('RBRACKET')) {
      this.next();
      return symbols;
    }
    for (;;) {
      const t = this.peek();
      if (t.type === 'SYMBOL') symbols.push(t.value);
      else if (t.type === 'HASH') symbols.push('#');
      else this.fail(`expected a #symbol in the list, found ${describe(t)}`);
      this.next();
      if (this.at('COMMA')) {
        this.next();
        continue;
      }
      this.expect('RBRACKET', "',' or ']' in the symbol list");
      return symbols;
    }
  }

  /** A statement ends with an optional '.', then something that can start a statement. */
  private endStatement(): void {
    if (this.at('DOT')) this.next();
    const t = this.peek();
    if (t.type === 'SEMICOLON') this.fail("cascades (';') are not supported: write one statement per message");
    if (t.type === 'COMMA') this.fail("unexpected ',': a comma only separates keyword parts or symbols in [...]");
  }
}

function splitHeading(text: string): [string, string | undefined] {
  const idx = text.indexOf(' : ');
  if (idx === -1) return [text.trim(), undefined];
  return [text.slice(0, idx).trim(), text.slice(idx + 3).trim() || undefined];
}

function describe(t: Token): string {
  switch (t.type) {
    case 'EOF':
      return 'the end of the input';
    case 'STRING':
      return 'a string';
    case 'HEADING1':
    case 'HEADING2':
      return 'a heading';
    case 'LIST_ITEM':
      return 'a list item';
    default:
      return `'${t.value}'`;
  }
}
