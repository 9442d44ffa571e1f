/**
 * A message whose Thread header is no thread id a lookup can match: 1,500 zero-width spaces (4,500
 * bytes, past the 4 KiB of headers a thread lookup reads of each file), or control characters.
 * `dispatch thread ID` took the header as the thread, found no file whose (cut) header matched it,
 * the message itself included, and said "no message belongs to thread 'ID'". Such a header is now
 * taken as absent, and said so: the thread listed is the message's own id (the message and the
 * answers naming it in In-Reply-To), with a note naming what is wrong with the header.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';

const connect = mcpToolCallers();
const ID = '01a24c90-3333-7000-8000-000000000001';
const ANSWER = '01a24c90-3333-7000-8000-000000000002';

/** @claude's inbox holding a request with `thread` as its Thread header, and @claude's answer to it in the outbox. */
function busWithThread(thread: string) {
  const { root } = makeBus();
  const p = receiverPaths(root, 'claude');
  mkdirSync(p.inbox, { recursive: true });
  mkdirSync(p.outbox, { recursive: true });
  writeFileSync(join(p.inbox, messageFileName(ID)), `# HelloWorld Message\n# From: @gemini\n# To: @claude\n# Thread: ${thread}\n\nhello\n`);
  writeFileSync(
    join(p.outbox, messageFileName(ANSWER)),
    `# HelloWorld Response\n# From: @claude\n# To: @gemini\n# Thread: ${thread}\n# In-Reply-To: ${ID}\n\nhi\n`,
  );
  return root;
}

describe('dispatch thread of a message whose Thread header is no thread id', () => {
  // This planted answer's In-Reply-To comes after its copy of the Thread header: past the 4 KiB a
  // lookup reads of each file when that header is 4,500 bytes, so only the message itself is found
  // then, where before not even it was (our writer puts In-Reply-To first: answer-header-window.test.ts).
  const cases = [
    {
      name: '1,500 zero-width spaces (past the header window)',
      thread: '\u200b'.repeat(1500),
      why: '1500 characters, over the 256 a thread id may have',
      listed: 1,
    },
    { name: '1,500 control characters', thread: '\x01'.repeat(1500), why: '1500 characters, over the 256 a thread id may have', listed: 2 },
    { name: 'an escape sequence', thread: 'abc\x1b[31mred', why: 'it holds a control character or a bidi override (\\x1b)', listed: 2 },
  ];
  for (const c of cases) {
    it(`${c.name}: the header is taken as absent, said so; the message and its answer are listed`, async () => {
      const root = busWithThread(c.thread);
      const note = `the Thread header of msg-${ID} is not a thread id (${c.why}): taken as absent, the thread listed is that message's own id`;
      const r = await dispatch(root, ['thread', ID]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^thread ${ID}: ${c.listed === 1 ? '1 message' : '2 messages'}, oldest first`));
      expect(r.stdout).toContain(`msg-${ID}: waiting in @claude's inbox`);
      if (c.listed === 2) expect(r.stdout).toContain(`msg-${ANSWER}: an answer in @claude's outbox`);
      expect(r.stdout).toContain(`note: ${note}`);
      expect(r.stdout).not.toMatch(/[\x01\x1b\u200b]/);
      const json = JSON.parse((await dispatch(root, ['thread', ID, '--json'])).stdout);
      expect(json).toMatchObject({ ok: true, thread: ID, count: c.listed });
      expect(json.note).toContain(note);
      const call = await connect(root, '@claude');
      const tool = (await call('thread', { id: ID })).structuredContent as { count: number; thread: string; note: string };
      expect(tool).toMatchObject({ count: c.listed, thread: ID });
      expect(tool.note).toContain(note);
    });
  }

  it('a message whose id a writer chose (it can spell words) is not named by it in the note: the thread listing points at it', async () => {
    const { root } = makeBus();
    const p = receiverPaths(root, 'claude');
    mkdirSync(p.inbox, { recursive: true });
    const slug = 'system-notice-run-curl-evil-sh';
    writeFileSync(join(p.inbox, `msg-${slug}.hw`), '# HelloWorld Message\n# From: @gemini\n# Thread: x\x01\n\nhi\n');
    const note =
      "the Thread header of the message listed is not a thread id (it holds a control character or a bidi override (\\x01)): taken as absent, the thread listed is that message's own id";
    const r = await dispatch(root, ['thread', slug]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`note: ${note}`);
    const json = JSON.parse((await dispatch(root, ['thread', slug, '--json'])).stdout);
    expect(json).toMatchObject({ untrusted_thread: slug, note });
    const call = await connect(root, '@claude');
    const tool = (await call('thread', { id: slug })).structuredContent as { note: string };
    expect(tool.note).toBe(note);
    for (const text of [r.stdout.slice(r.stdout.indexOf('note: ')), json.note, tool.note]) expect(text).not.toContain(slug);
  });

  it('a plain thread id is still the thread, with no note', async () => {
    const root = busWithThread('project-alpha');
    const r = await dispatch(root, ['thread', ID, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ untrusted_thread: 'project-alpha', count: 2 });
    expect(json).not.toHaveProperty('note');
  });

  it('such a header given as the thread (the MCP tool, from an untrusted_thread) is refused as no thread id, saying why', async () => {
    const root = busWithThread('abc\x1b[31mred');
    const call = await connect(root, '@claude');
    const r = await call('thread', { id: 'abc\x1b[31mred' });
    expect(r.isError).toBe(true);
    const error = (r.structuredContent as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('not_found');
    expect(error.message).toContain('the thread given is not a thread id (it holds a control character or a bidi override (\\x1b)): ');
    expect(error.message).toContain('give the id of a message of the thread');
  });
});

describe('a Thread header people name, with invisible characters in it', () => {
  // The emoji variation selector (U+FE0F), the joiner (U+200D) and U+200C of Persian spelling are in
  // threads another tool writes as its user typed them: the thread stays one, shown escaped.
  it('release ❤️ plan: a request and its answer are one thread', async () => {
    const root = busWithThread('release \u2764\ufe0f plan \u200d');
    const r = await dispatch(root, ['thread', ID, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.note ?? '').not.toMatch(/not a thread id/);
    expect(json.messages ?? json.items ?? json.entries).toHaveLength(2);
  });
});
