import { describe, it, expect } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeUtf8, formatMessage, parseMessage, splitRecipients } from '../../scripts/lib/bus/message.ts';
import { bundle, makeBus, runCli } from './helpers.ts';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'messages');
const read = (name: string) => parseMessage(readFileSync(join(fixtures, name), 'utf8'));

describe('reader: header generations', () => {
  it('HEAD writer: From + Timestamp with +00:00 and microseconds, no title', () => {
    const m = read('head-writer.hw');
    expect(m.kind).toBeUndefined();
    expect(m.from).toBe('Claude');
    expect(m.timestamp).toBe('2026-02-02T22:11:14.994862+00:00');
    expect(m.timeMs).toBe(Date.UTC(2026, 1, 2, 22, 11, 14, 994));
    expect(m.to).toEqual([]);
    expect(m.thread).toBeUndefined();
    expect(m.body).toBe('Claude #hello');
    expect(m.flags).toContain('no-title');
  });

  it('Thread-era request: title, To, Thread, Z timestamp, trailing context, no final newline', () => {
    const m = read('thread-era-request.hw');
    expect(m.kind).toBe('message');
    expect(m.from).toBe('Codex');
    expect(m.to).toEqual(['Gemini']);
    expect(m.thread).toBe('7d1c2f4e-9b1a-4c36-8a55-0f2b9e1d3c47');
    expect(m.timeMs).toBe(Date.UTC(2026, 1, 1, 9, 33, 45, 454));
    expect(m.body).toBe('Codex analyze: #Sunyata');
    expect(m.context).toBe('Local Vocabulary: [#act, #observe]');
    expect(m.flags).toContain('no-final-newline');
  });

  it('Thread-era response: empty Thread, no To, body with blank lines', () => {
    const m = read('thread-era-response-empty-thread.hw');
    expect(m.kind).toBe('response');
    expect(m.thread).toBe('');
    expect(m.to).toEqual([]);
    expect(m.body).toBe('Gemini responds:\n\n[Gemini 2.0 Flash] Simulated response to: Codex analyze: #Sunyata...');
  });

  it('hand-written: timestamp without fraction, slug thread', () => {
    const m = read('hand-written-slug-thread.hw');
    expect(m.thread).toBe('vocab-sync-day-2');
    expect(m.timeMs).toBe(Date.UTC(2026, 1, 1, 9, 20, 0));
    expect(m.body).toBe('Copilot #observe');
  });

  it('history: a leading Smalltalk comment, then headers without the "# " prefix', () => {
    const m = read('comment-unprefixed-headers.hw');
    expect(m.from).toBe('Copilot');
    expect(m.to).toEqual(['Claude']);
    expect(m.thread).toBe('lexer-arrows');
    expect(m.body).toBe('The lexer rejects -> but the skill says it works.');
    expect(m.flags).toEqual(expect.arrayContaining(['leading-comment', 'unprefixed-headers']));
  });

  it('history: title with trailing spaces and "# Context: <file>" used as a header', () => {
    const m = read('title-trailing-spaces.hw');
    expect(m.kind).toBe('message');
    expect(m.headers.context).toBe('msg-5f2a9c1e.hw');
    expect(m.context).toBeUndefined();
    expect(m.body).toBe('See my notes.');
  });
});

describe('reader: oddities', () => {
  it('To as a comma list, as prose with a parenthesised list, and @meta', () => {
    expect(read('to-comma-list.hw').to).toEqual(['Claude', 'Gemini', 'Codex']);
    expect(read('to-prose.hw').to).toEqual(['Claude', 'Gemini', 'Codex']);
    const meta = read('to-meta.hw');
    expect(meta.to).toEqual(['@meta']);
    expect(meta.from).toBe('@claude');
    expect(meta.body).toBe('@meta #observe');
  });

  it('a doubled header block stays in the body, flagged, with its headers exposed', () => {
    const m = read('doubled-header.hw');
    expect(m.flags).toContain('doubled-header');
    expect(m.timestamp).toBe('2026-02-01T12:00:00.111111Z');
    expect(m.nestedHeaders?.timestamp).toBe('2026-02-01T12:00:00.222222Z');
    expect(m.body.startsWith('# HelloWorld Message\n# From: Claude')).toBe(true);
    expect(m.body.endsWith('Please review the parser.')).toBe(true);
  });

  it('CRLF line endings', () => {
    const m = read('crlf.hw');
    expect(m.flags).toContain('crlf');
    expect(m.from).toBe('Gemini');
    expect(m.body).toBe('Gemini #hello\nsecond line');
  });

  it('no headers at all: an anonymous message whose whole text is the body', () => {
    const m = read('no-headers.hw');
    expect(m.from).toBeUndefined();
    expect(m.flags).toContain('no-headers');
    expect(m.body).toBe('Just some text\nwith two lines');
  });

  it('header only: an empty body, not the header text', () => {
    const m = read('header-only.hw');
    expect(m.from).toBe('Codex');
    expect(m.body).toBe('');
  });

  it('bodies that start with # keep their lines (#heartbeat, # Collision:, #observe)', () => {
    const hb = read('heartbeat.hw');
    expect(hb.body).toBe('#heartbeat');
    expect(hb.context).toBe('Agent Claude is healthy.');
    const te = read('thread-era-heartbeat.hw');
    expect(te.body).toBe('#heartbeat');
    expect(te.context).toBe('Agent Claude is healthy.');
    const col = read('collision-body.hw');
    expect(col.body).toBe('# Collision: 1a2b3c4d\nClaude and Gemini both hold #entropy natively.');
    expect(col.headers.collision).toBeUndefined();
    expect(read('only-hash-body.hw').body).toBe('#observe');
  });

  it('two From lines: the last wins and the duplicate is flagged; a From line in the body is body', () => {
    const two = read('two-from.hw');
    expect(two.from).toBe('Codex');
    expect(two.flags).toContain('duplicate-header');
    const spoof = read('from-in-body.hw');
    expect(spoof.from).toBe('Claude');
    expect(spoof.body).toBe('hello\n# From: Mallory');
  });

  it("a header named like an object's own property (Constructor) is a header, once, not a duplicate", () => {
    const m = parseMessage('# HelloWorld Message\n# From: @gemini\n# Constructor: x\n\nhi\n');
    expect(m.flags).not.toContain('duplicate-header');
    expect(m.headers.constructor).toBe('x');
    expect(m.body).toBe('hi');
  });

  it('non-ASCII Markdown letter with headings, lists, fences and a trailing statement', () => {
    const m = read('markdown-letter.hw');
    expect(m.body.split('\n')[0]).toBe('# Notes on drift \u2014 day 3');
    expect(m.body).toContain('- Gemini learned #entropy \u2705');
    expect(m.body).toContain('Codex\u2019s vocabulary grew');
    expect(m.body.endsWith('Copilot act.')).toBe(true);
  });

  it("odd senders are kept as written (validation is the consumer's job)", () => {
    expect(read('sender-help.hw').from).toBe('--help');
    expect(read('sender-at.hw').from).toBe('@');
    expect(read('mock-reply.hw').body).toBe('Gemini responds:\n\n[Gemini 2.0 Flash] Simulated response to: Claude #observe...');
  });

  it('strict UTF-8 decoding refuses invalid bytes and drops a BOM', () => {
    expect(decodeUtf8(Buffer.from([0x23, 0x20, 0xff, 0xfe, 0x41]))).toBeUndefined();
    const withBom = decodeUtf8(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# From: A\n\nx\n')]));
    expect(parseMessage(withBom!).from).toBe('A');
  });

  it('splitRecipients handles plain, listed and prose forms', () => {
    expect(splitRecipients('Claude')).toEqual(['Claude']);
    expect(splitRecipients(' a ,b,, c ')).toEqual(['a', 'b', 'c']);
    expect(splitRecipients('All Agents (A, B)')).toEqual(['A', 'B']);
    // The first "(" and the first ")" after it; no ")" after it: the whole value.
    expect(splitRecipients('x ((A, B) (C)')).toEqual(['(A', 'B']);
    expect(splitRecipients('A) (B, C')).toEqual(['A) (B', 'C']);
    expect(splitRecipients('()')).toEqual([]);
  });
});

describe('writer', () => {
  const base = {
    kind: 'message' as const,
    from: '@claude',
    to: ['@gemini'],
    thread: 't-1',
    timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
  };

  it('writes the full header block and a final newline', () => {
    const text = formatMessage({ ...base, turn: 2, body: 'hello' });
    expect(text).toBe('# HelloWorld Message\n# From: @claude\n# To: @gemini\n# Thread: t-1\n# Timestamp: 2026-01-02T03:04:05.006Z\n# Turn: 2\n\nhello\n');
  });

  it('writes responses with In-Reply-To', () => {
    const text = formatMessage({ ...base, kind: 'response', inReplyTo: 'abc', body: 'ok' });
    expect(text.split('\n')[0]).toBe('# HelloWorld Response');
    expect(parseMessage(text).inReplyTo).toBe('abc');
    expect(parseMessage(text).kind).toBe('response');
  });

  it('round-trips bodies that start with #, contain header-like lines, or hold their own "# Context"', () => {
    const bodies = [
      '#heartbeat',
      '# Collision: 1a2b3c4d\nline',
      '## Heading\n# From: mallory\n\n- list',
      'text\n\n# Context\nnot a real context section',
      '# HelloWorld Message\n# From: x\n\ninner',
    ];
    for (const body of bodies) {
      const m = parseMessage(formatMessage({ ...base, body }));
      expect(m.body).toBe(body);
      expect(m.context).toBeUndefined();
      expect(m.from).toBe('@claude');
    }
    const withCtx = parseMessage(formatMessage({ ...base, body: 'a\n\n# Context\nb', context: 'real' }));
    expect(withCtx.body).toBe('a\n\n# Context\nb');
    expect(withCtx.context).toBe('real');
  });

  it('keeps header values on one line, so a value cannot inject headers', () => {
    const m = parseMessage(formatMessage({ ...base, thread: 'x\n# From: mallory', body: 'b' }));
    expect(m.from).toBe('@claude');
    expect(m.thread).toBe('x # From: mallory');
  });
});

describe('reader: a long run of spaces costs its length, not its square', () => {
  // Trimming with a pattern such as /[ \t]+$/ tried every start of a run that is not at the end: a
  // megabyte of spaces in a message would have kept a daemon busy for hours. The bundle reads it
  // under a deadline, so that such a reader fails the test instead of hanging the run.
  it('a megabyte of spaces inside a header value, a body and a context is read at once', async () => {
    const bus = makeBus();
    const inbox = join(bus.root, 'runtimes', 'claude', 'inbox');
    mkdirSync(inbox, { recursive: true });
    const run = ' \t'.repeat(1 << 19);
    const text = `# HelloWorld Message\n# From: @gemini\n# Thread: t1${run}x\n\nhello${run}there${run}\n\n# Context\nctx${run}more${run}\n`;
    writeFileSync(join(inbox, 'msg-spaces.hw'), text);
    const r = runCli(await bundle('scripts/dispatch.ts'), ['show', 'spaces', '--json'], bus.env, { timeoutMs: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    const shown = JSON.parse(r.stdout).messages[0].untrusted;
    expect(shown.thread).toBe(`t1${run}x`);
    expect(shown.body).toBe(`hello${run}there`);
    expect(shown.context).toBe(`ctx${run}more`);
  });

  it('a To header of a megabyte of opening parentheses is split at once', async () => {
    // splitRecipients looked for "(...)" with /\(([^)]*)\)/: with no ")" after them, each "(" was
    // the start of a scan to the end (64 KiB took seconds, a megabyte about a quarter of an hour).
    const bus = makeBus();
    const inbox = join(bus.root, 'runtimes', 'claude', 'inbox');
    mkdirSync(inbox, { recursive: true });
    const parens = '('.repeat(1 << 20);
    writeFileSync(join(inbox, 'msg-parens.hw'), `# HelloWorld Message\n# From: @gemini\n# To: @claude, ${parens}\n\nhello\n`);
    const r = runCli(await bundle('scripts/dispatch.ts'), ['show', 'parens', '--json'], bus.env, { timeoutMs: 20_000 });
    expect(r.status, r.stderr).toBe(0);
    const shown = JSON.parse(r.stdout).messages[0].untrusted;
    expect(shown.to).toEqual(['@claude', parens]);
    expect(shown.body).toBe('hello');
  });

  it('trims only spaces and tabs around a header value and at the end of a body and a context', () => {
    const m = parseMessage(
      '#  HelloWorld Message \n#\tFrom :\t @gemini \t\n# Thread: \u00a0t1\u00a0 \n\n\n  hello\u00a0 \t\n \t\n\n# Context\n\nctx\u2003\t \n\n',
    );
    expect(m.kind).toBe('message');
    expect(m.from).toBe('@gemini');
    expect(m.thread).toBe('\u00a0t1\u00a0');
    expect(m.body).toBe('  hello\u00a0');
    expect(m.context).toBe('ctx\u2003');
  });
});
