import { describe, it, expect } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { makeBus } from './helpers.ts';
import { join } from 'node:path';
import { tokenize, HelloWorldSyntaxError } from '../../scripts/lib/helloworld/lexer.ts';
import { parseProgram } from '../../scripts/lib/helloworld/parser.ts';
import { Registry } from '../../scripts/lib/helloworld/vocabulary.ts';
import { evaluate, type Ask } from '../../scripts/lib/helloworld/evaluator.ts';

function syntaxError(source: string): HelloWorldSyntaxError {
  try {
    parseProgram(source, 'prog.hw');
  } catch (err) {
    if (err instanceof HelloWorldSyntaxError) return err;
    throw err;
  }
  throw new Error(`no syntax error for ${JSON.stringify(source)}`);
}

describe('lexer', () => {
  it('tokens carry line and column, also after multi-line strings and comments', () => {
    const toks = tokenize('"a\ncomment" Claude greet: \'two\nlines\' #x\n  @guardian.#');
    const brief = toks.map((t) => `${t.type}:${t.value}@${t.start.line}:${t.start.column}`);
    expect(brief).toEqual([
      'RECEIVER:Claude@2:10',
      'IDENTIFIER:greet@2:17',
      'COLON::@2:22',
      'STRING:two\nlines@2:24',
      'SYMBOL:#x@3:8',
      'RECEIVER:guardian@4:3',
      'DOT:.@4:12',
      'HASH:#@4:13',
      'EOF:@4:14',
    ]);
  });

  it('reads markdown at column 1, ## queries elsewhere, both arrows, quotes in strings, numbers, hyphenated words', () => {
    const types = (s: string) => tokenize(s).map((t) => `${t.type}:${t.value}`);
    expect(types('# Guardian : Agent\n## fire\n- keeps it')).toEqual(['HEADING1:Guardian : Agent', 'HEADING2:fire', 'LIST_ITEM:keeps it', 'EOF:']);
    expect(types('Claude ## ')).toEqual(['RECEIVER:Claude', 'DOUBLE_HASH:##', 'EOF:']);
    expect(types('X # -> [#a] \u2192')).toEqual(['RECEIVER:X', 'HASH:#', 'ARROW:\u2192', 'LBRACKET:[', 'SYMBOL:#a', 'RBRACKET:]', 'ARROW:\u2192', 'EOF:']);
    expect(types("'it''s'")).toEqual(["STRING:it's", 'EOF:']);
    expect(types('7.days 42.')).toEqual(['NUMBER:7.days', 'NUMBER:42', 'DOT:.', 'EOF:']);
    expect(types('email-bridge @ HelloWorld::Agent')).toEqual([
      'IDENTIFIER:email-bridge',
      'RECEIVER:HelloWorld',
      'RECEIVER:HelloWorld',
      'DOUBLE_COLON:::',
      'RECEIVER:Agent',
      'EOF:',
    ]);
    expect(types('---\ntitle: x\n---\nClaude')).toEqual(['RECEIVER:Claude', 'EOF:']);
  });

  it('errors name the position and the problem', () => {
    const cases: [string, number, number, RegExp][] = [
      ['Claude #Sunyata?', 1, 16, /unexpected character '\?'.*string/],
      ['Claude\n  act (now)', 2, 7, /unexpected character '\('.*parentheses/],
      ["Claude greet: 'open\n\nstill open", 1, 15, /unterminated string/],
      ['Claude "never closed\nact', 1, 8, /unterminated comment/],
      ['<!-- open', 1, 1, /unterminated comment/],
      ["'a\nb' Claude -x", 2, 11, /unexpected character '-'/],
      // A character outside the BMP is named whole, not by half a surrogate pair.
      ['Claude \u{1d400}x', 1, 8, /unexpected character '\u{1d400}'/u],
    ];
    for (const [src, line, column, reason] of cases) {
      const e = syntaxError(src);
      expect([e.line, e.column], src).toEqual([line, column]);
      expect(e.reason).toMatch(reason);
      expect(e.message.startsWith(`prog.hw:${line}:${column}: `)).toBe(true);
    }
  });
});

describe('parser', () => {
  const kinds = (src: string) => parseProgram(src).map((s) => s.kind);

  it('parses every statement form of the grammar', () => {
    const st = parseProgram(
      [
        '@guardian.#',
        'Claude ##',
        'Claude #',
        '@claude.#collision',
        'Claude #observe super',
        'Guardian # \u2192 [#fire, #water, #]',
        'Claude observe',
        'Claude act super',
        "Guardian sendVision: #fire withContext: 'the hearth' 'note'",
        'Guardian send: #fire, to: Claude',
        'HelloWorld::Agent::Claude #observe',
        '#Claude',
        'Guardian #entropy: 3 with: x',
      ].join('\n'),
    );
    expect(st.map((s) => s.kind)).toEqual([
      'vocabularyQuery',
      'vocabularyQuery',
      'vocabularyQuery',
      'scopedLookup',
      'superLookup',
      'vocabularyDefinition',
      'unaryMessage',
      'unaryMessage',
      'keywordMessage',
      'keywordMessage',
      'scopedLookup',
      'bareSymbol',
      'keywordMessage',
    ]);
    expect(st[0]).toMatchObject({ receiver: ['guardian'], includeInherited: false, line: 1, column: 1, source: '@guardian.#' });
    expect(st[1]).toMatchObject({ includeInherited: true });
    expect(st[3]).toMatchObject({ receiver: ['claude'], symbol: '#collision' });
    expect(st[5]).toMatchObject({ symbols: ['#fire', '#water', '#'] });
    expect(st[7]).toMatchObject({ message: 'act', isSuper: true });
    expect(st[8]).toMatchObject({
      args: [
        { keyword: 'sendVision', value: { kind: 'symbol', value: '#fire' } },
        { keyword: 'withContext', value: { kind: 'string', value: 'the hearth' } },
      ],
      annotation: 'note',
      line: 9,
    });
    expect(st[9]).toMatchObject({ args: [{ keyword: 'send' }, { keyword: 'to', value: { kind: 'receiver', path: ['Claude'] } }] });
    expect(st[10]).toMatchObject({ receiver: ['HelloWorld', 'Agent', 'Claude'] });
    expect(st[12]).toMatchObject({ args: [{ keyword: '#entropy', value: { kind: 'number', value: '3' } }, { keyword: 'with' }] });
  });

  it('does not drop input silently: stray words, cascades, repeated keywords and stray commas are errors', () => {
    const cases: [string, number, number, RegExp][] = [
      ['Claude observe. orient. act.', 1, 17, /statement starts with a receiver .* found 'orient'/],
      // Prose after a receiver (the first thing a user tries in the repl) is told how to send it as text.
      [
        'Claude observe orient',
        1,
        16,
        /one unary message per statement: .*; to send words as text, quote them after a keyword: Claude ask: 'observe orient …'/,
      ],
      ['Claude act; observe', 1, 11, /cascades/],
      ['G k: 1 k: 2', 1, 8, /keyword 'k:' appears twice/],
      ['G k: 1 other', 1, 13, /expected ':' after keyword 'other'/],
      ['G k: ]', 1, 6, /expected a value/],
      ['G # \u2192 [#a #b]', 1, 11, /expected ',' or '\]'/],
      ['Claude #x,', 1, 10, /unexpected ','/],
      ['\n\n   : x', 3, 4, /statement starts with a receiver/],
    ];
    for (const [src, line, column, reason] of cases) {
      const e = syntaxError(src);
      expect([e.line, e.column], src).toEqual([line, column]);
      expect(e.reason, src).toMatch(reason);
    }
  });

  it('statements may share a line or end with a dot; newlines need no terminator', () => {
    expect(kinds('Claude observe. Gemini act.\nCopilot #')).toEqual(['unaryMessage', 'unaryMessage', 'vocabularyQuery']);
  });
});

describe('vocabularies and evaluation', () => {
  it('lookups are native, inherited (with the ancestor) or unknown; paths are checked', () => {
    const r = Registry.withBuiltins();
    expect(r.lookup('Gemini', '#entropy')).toMatchObject({ outcome: 'native' });
    expect(r.lookup('Gemini', '#observe')).toMatchObject({ outcome: 'native', alsoIn: 'Agent' });
    expect(r.lookup('Claude', 'observe')).toMatchObject({ outcome: 'inherited', definedIn: 'Agent' });
    expect(r.lookup('Claude', '#Sunyata')).toMatchObject({ outcome: 'inherited', definedIn: 'HelloWorld' });
    expect(r.lookup('Claude', '#sunyata')).toMatchObject({ outcome: 'inherited' });
    expect(r.lookup('Claude', '#entropy')).toEqual({ outcome: 'unknown' });
    expect(r.resolvePath(['HelloWorld', 'Agent', 'Claude'])).toEqual({ ok: true, receiver: 'Claude' });
    expect(r.resolvePath(['Agent', 'HelloWorld', 'Claude'])).toMatchObject({ ok: false });
  });

  it('loads vocabulary files and reports a broken one with its position, skipping it', () => {
    const dir = makeBus().base;
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'Guardian.hw'), '# Guardian : Agent\n- Keeps the fire.\n## fire\n- The hearth.\n## watch\n');
    writeFileSync(join(dir, 'Broken.hw'), "# Broken\nBroken greet: 'open");
    const r = Registry.withBuiltins();
    const problems = r.loadDirectory(dir, dir);
    expect(problems).toEqual([`${join(dir, 'Broken.hw')}:2:15: unterminated string: add the closing quote`]);
    expect(r.get('guardian')).toMatchObject({ name: 'Guardian', parent: 'agent', identity: 'Keeps the fire.' });
    expect(r.lookup('Guardian', 'fire')).toMatchObject({ outcome: 'native', description: 'The hearth.' });
    expect(r.describeForPrompt(['guardian'])[0]).toBe(
      '@guardian (Guardian : Agent : HelloWorld): native [#fire, #watch]; from Agent: [#observe, #orient, #decide, #act, #remember, #recall, #reflect, #unknown, #chain, #environment, #state, #intent, #vocabulary, #approach, #address, #hello, #goodbye]; from HelloWorld: [#, #run, #hello, #goodbye, #send, #receive, #become, #Sunyata, #Smalltalk, #Superposition, #address, #context, #commit]',
    );
  });

  it('reads a bounded amount of vocabularies/ (any bus writer fills it): files and bytes are capped, problems counted', async () => {
    const { truncateSync } = await import('node:fs');
    const dir = makeBus().base;
    // 600 small files: the first 512 by name are read, the rest said in one line.
    for (let i = 0; i < 600; i++) writeFileSync(join(dir, `R${String(i).padStart(4, '0')}.hw`), `# R${String(i).padStart(4, '0')} : Agent\n## s\n`);
    const r = Registry.withBuiltins();
    const problems = r.loadDirectory(dir, dir);
    expect(r.has('R0511')).toBe(true);
    expect(r.has('R0512')).toBe(false);
    expect(problems).toEqual([`${dir}: 88 vocabulary files not read: at most 512 files and 16 MiB are read`]);

    // Files of 4 MiB: reading stops at 16 MiB in all; broken files are named up to 5, then counted.
    const big = makeBus().base;
    for (let i = 0; i < 8; i++) {
      writeFileSync(join(big, `B${i}.hw`), '');
      truncateSync(join(big, `B${i}.hw`), 4 * 1024 * 1024 - 1); // NUL bytes: a syntax error each
    }
    const bigProblems = Registry.withBuiltins().loadDirectory(big, big);
    expect(bigProblems.filter((p) => p.includes('nexpected'))).toHaveLength(5); // the fifth passes 16 MiB
    expect(bigProblems.at(-1)).toBe(`${big}: 3 vocabulary files not read: at most 512 files and 16 MiB are read`);

    const broken = makeBus().base;
    for (let i = 0; i < 40; i++) writeFileSync(join(broken, `X${i}.hw`), "# X\nX greet: 'open");
    const brokenProblems = Registry.withBuiltins().loadDirectory(broken, broken);
    expect(brokenProblems).toHaveLength(6);
    expect(brokenProblems.at(-1)).toBe(`${broken}: 35 more vocabulary files could not be used`);
  });

  it('evaluates natively, sends meta-receiver messages through ask, and keeps program order', async () => {
    const asked: string[] = [];
    const ask: Ask = async (receiver, text, context) => {
      asked.push(`${receiver}|${text}|${context}`);
      await new Promise((r) => setTimeout(r, text.includes('slow') ? 30 : 1));
      return { ok: true, body: `answer to ${text}`, messageId: `id-${asked.length}` };
    };
    const src = [
      'Claude slow',
      'Gemini #entropy',
      'Copilot #',
      'Guardian send: #fire to: Claude',
      'Guardian send: #observe to: Copilot',
      'Guardian learn: #ember',
      'Guardian #ember',
      'HelloWorld::Agent::Claude chain',
      'Codex ##',
    ].join('\n');
    const results = await evaluate(parseProgram(src), Registry.withBuiltins(), ask);
    expect(results.map((r) => [r.via, r.output])).toEqual([
      ['bus', 'answer to Claude slow'],
      ['bus', 'answer to Gemini #entropy'],
      ['local', 'Copilot : Agent \u2014 An agent running GitHub Copilot.\n# \u2192 []'],
      ['local', 'Claude learns #fire from Guardian'],
      ['local', '#observe is shared ground: Copilot inherits it from Agent'],
      ['local', '[Guardian] received learn: #ember\nGuardian learned #ember'],
      ['local', '#ember is native to Guardian: (learned through dialogue)'],
      ['bus', 'answer to HelloWorld::Agent::Claude chain'],
      ['local', expect.stringContaining('from HelloWorld: [#, #run')],
    ]);
    expect(asked[0]).toBe('claude|Claude slow|Local Vocabulary: []');
    expect(asked[1]).toMatch(/^gemini\|Gemini #entropy\|Local Vocabulary: \[#act, #collision/);
  });

  it('without a bus, meta-receiver messages fail clearly and the rest still runs', async () => {
    const results = await evaluate(parseProgram('Claude act\nGemini #'), Registry.withBuiltins());
    expect(results[0]).toMatchObject({ ok: false, output: 'Claude is answered by an agent over the bus, and no bus is available here' });
    expect(results[1]).toMatchObject({ ok: true, via: 'local' });
  });

  it('a collision is reported when both receivers hold a symbol natively', async () => {
    const r = Registry.withBuiltins();
    r.addSymbol('Guardian', 'entropy', undefined);
    const [res] = await evaluate(parseProgram('Guardian send: #entropy to: Gemini'), r);
    expect(res!.output).toBe('collision: Guardian and Gemini both hold #entropy natively; their meanings meet');
  });
});
