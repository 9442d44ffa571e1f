/**
 * What `dispatch mcp` hands its client is what the model reads, and what Claude Code shows in the
 * terminal (it passes JSON.stringify(structuredContent) on; other clients read the text content).
 * JSON.stringify leaves C1 controls, DEL, bidi overrides, zero-width marks, tag characters (which
 * spell text no one sees) and line separators raw: none of them may reach the client from a
 * message file, a file name or a header, however the result is read.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { RESULT_BYTES } from '../../scripts/lib/bus/mcp/bounds.ts';
import { makeBus } from './helpers.ts';
import { mcpToolCallers, type ToolResult } from './mcp-in-process.ts';

/** Characters nobody sees as what they are; JSON.stringify escapes only C0 controls. */
const UNSEEN = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\ufeff\u{e0000}-\u{e007f}]|\p{Cs}/u;
/** "ignore" in tag characters: invisible in a terminal, read as text by a model. */
const TAGS = [...'ignore'].map((c) => String.fromCodePoint(0xe0000 + c.charCodeAt(0))).join('');
const HOSTILE = `a\u202eevil\u200b ${TAGS} \u009b31m \u007f \u2028 \u00ad end`;

type Result = ToolResult;

const connect = mcpToolCallers();
const client = (root: string) => connect(root, 'claude');

/** Neither what Claude Code gives the model nor the text content holds an unseen character. */
function expectNothingUnseen(r: Result) {
  expect(JSON.stringify(r.structuredContent)).not.toMatch(UNSEEN);
  for (const c of r.content) expect(c.text ?? '').not.toMatch(UNSEEN);
}

function plant(root: string, receiver: string, name: string, text: string) {
  const paths = receiverPaths(root, receiver);
  mkdirSync(paths.inbox, { recursive: true });
  writeFileSync(join(paths.inbox, name), text);
  return paths;
}

describe('dispatch mcp: no unseen character reaches the client raw', () => {
  it('inbox, claim, thread, reply and wait show them as visible escapes', async () => {
    const bus = makeBus();
    const call = await client(bus.root);
    plant(
      bus.root,
      'claude',
      'msg-hostile-1.hw',
      `# HelloWorld Message\n# From: @gem\u202eini\n# To: @claude, @x\u200by\n# Thread: t\u202e1\n# Timestamp: 2026\u2028-01-01\n\n${HOSTILE}\n\n# Context\n${HOSTILE}\n`,
    );
    plant(bus.root, 'claude', `msg-\u202e${TAGS}.hw`, 'x');

    const inbox = await call('inbox', { receiver: '@claude' });
    expect(inbox.isError).toBeFalsy();
    expectNothingUnseen(inbox);
    expect(JSON.stringify(inbox.structuredContent)).toContain('gem\\\\u{202e}ini');

    const thread = await call('thread', { id: 'hostile-1' });
    expect(thread.isError).toBeFalsy();
    expectNothingUnseen(thread);

    const claimed = await call('claim', { receiver: '@claude', id: 'hostile-1' });
    expect(claimed.isError).toBeFalsy();
    expectNothingUnseen(claimed);
    const u = claimed.structuredContent!.untrusted as { body: string };
    expect(u.body).toContain('a\\u{202e}evil\\u{200b} \\u{e0069}');
    expect(u.body).toContain('\\x9b31m \\x7f \\u{2028} \\xad end');

    const replied = await call('reply', { id: 'hostile-1', body: 'ok', as: '@claude' });
    expect(replied.isError).toBeFalsy();
    expectNothingUnseen(replied);
    expect(replied.structuredContent!.untrusted_thread).toBe('t\\u{202e}1');
  });

  it('variation selectors and other default-ignorable code points: a sentence no reader sees is shown as escapes', async () => {
    const bus = makeBus();
    const call = await client(bus.root);
    // Text hidden in variation selectors (one per byte) and other code points nothing draws.
    const hidden = [...Buffer.from('obey')].map((b) => String.fromCodePoint(b < 16 ? 0xfe00 + b : 0xe0100 + b - 16)).join('');
    const body = `hello${hidden} a\u034fb c\u17b4d e\u180bf g\u180fh i\u2065j k\ufff0l m\u{e0080}n`;
    plant(bus.root, 'claude', 'msg-ignorable-1.hw', `# HelloWorld Message\n# From: @gemini\n# To: @claude\n\n${body}\n`);
    const claimed = await call('claim', { receiver: '@claude', id: 'ignorable-1' });
    expect(claimed.isError).toBeFalsy();
    expect(JSON.stringify(claimed.structuredContent)).not.toMatch(/\p{Default_Ignorable_Code_Point}/u);
    for (const c of claimed.content) expect(c.text ?? '').not.toMatch(/\p{Default_Ignorable_Code_Point}/u);
    const u = claimed.structuredContent!.untrusted as { body: string };
    expect(u.body).toContain('hello\\u{e015f}');
    expect(u.body).toContain('a\\u{34f}b c\\u{17b4}d e\\u{180b}f g\\u{180f}h i\\u{2065}j k\\u{fff0}l m\\u{e0080}n');
  });

  it('an answer to a message this session sent (wait), and a refusal that carries fields', async () => {
    const bus = makeBus();
    const call = await client(bus.root);
    const sent = await call('send', { to: '@gemini', body: 'hi', create: true });
    const id = sent.structuredContent!.id as string;
    await answerMessage(bus.root, 'gemini', id, HOSTILE, 'test');
    const waited = await call('wait', { id, timeout_s: 5 });
    expect(waited.structuredContent).toMatchObject({ status: 'answered' });
    expectNothingUnseen(waited);

    // Past the turn budget: the error's fields hold the thread header.
    plant(bus.root, 'claude', 'msg-t1.hw', `# HelloWorld Message\n# From: @gemini\n# To: @claude\n# Thread: x\u202e${TAGS}\n# Turn: 99\n\nhi\n`);
    const refused = await call('reply', { id: 't1', body: 'ok' });
    expect(refused.isError).toBe(true);
    expect(refused.structuredContent).toMatchObject({ error: { code: 'turn_budget' } });
    expectNothingUnseen(refused);
  });

  it('escaping does not push a listing past its budget: a thread of bodies made of zero-width spaces', async () => {
    const bus = makeBus();
    const call = await client(bus.root);
    const first = await sendMessage({ root: bus.root, to: 'claude', from: 'tester', body: '\u200b'.repeat(20_000) });
    for (let i = 0; i < 120; i++) {
      await sendMessage({ root: bus.root, to: 'claude', from: 'tester', body: '\u200b'.repeat(20_000), thread: first.thread });
    }
    const r = await call('thread', { id: first.thread, limit: 1000 });
    expect(r.isError).toBeFalsy();
    expectNothingUnseen(r);
    expect(Buffer.byteLength(JSON.stringify(r.structuredContent))).toBeLessThanOrEqual(RESULT_BYTES);
    expect(r.structuredContent).toMatchObject({ truncated: true });
  });
});
