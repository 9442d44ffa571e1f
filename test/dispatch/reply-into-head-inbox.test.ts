/**
 * A HelloWorld HEAD runtime reads answers from its own inbox only. `serve` copies an answer there
 * for a sender writing HEAD's format (answer_into_inbox "auto"), but an answer written by hand
 * (`dispatch reply`, the MCP reply tool: how a Claude Code session answers) went to the outbox
 * only: the runtime never heard (a review of 2026-12-07 ran HEAD's own receive(), which got
 * nothing). reply now makes the same copy, with the same setting and the same hourly budget, and
 * says so.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, filesIn, makeBus } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { messageFileName } from '../../scripts/lib/bus/ids.ts';

const REQUEST = '01a24c90-2222-7000-8000-000000000001';

/** What HEAD's send() writes into @claude's inbox: From and Timestamp, then the body. */
function headRequest(): { root: string } {
  const { root } = makeBus();
  const inbox = receiverPaths(root, 'claude').inbox;
  mkdirSync(inbox, { recursive: true });
  writeFileSync(join(inbox, messageFileName(REQUEST)), '# From: @copilot\n# Timestamp: 2026-12-07T08:00:00Z\n\nClaude, what is the capital of France?\n');
  return { root };
}

function answerIn(dir: string): string {
  const files = filesIn(dir);
  expect(files, dir).toHaveLength(1);
  return readFileSync(join(dir, files[0]!), 'utf8');
}

const connect = mcpToolCallers();

describe("a reply by hand to a sender writing HelloWorld HEAD's format", () => {
  it('dispatch reply: the answer is in the outbox and, as serve puts it, in the sender’s inbox too, and says so', async () => {
    const { root } = headRequest();
    const r = await dispatch(root, ['reply', REQUEST, 'Paris', '--as', '@claude']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain("(also into @copilot's inbox)");
    expect(answerIn(receiverPaths(root, 'claude').outbox)).toMatch(/\n\nParis\n$/);
    expect(answerIn(receiverPaths(root, 'copilot').inbox)).toMatch(/\n\nParis\n$/);
  });

  it('dispatch reply --json and the MCP reply tool say also_into_inbox', async () => {
    const cli = headRequest();
    const r = await dispatch(cli.root, ['reply', REQUEST, 'Paris', '--as', '@claude', '--json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, also_into_inbox: '@copilot' });
    const tool = headRequest();
    const call = await connect(tool.root, '@claude');
    const replied = await call('reply', { id: REQUEST, body: 'Paris' });
    expect(replied.isError, JSON.stringify(replied.structuredContent)).toBeFalsy();
    expect(replied.structuredContent).toMatchObject({ ok: true, also_into_inbox: '@copilot' });
    expect(answerIn(receiverPaths(tool.root, 'copilot').inbox)).toMatch(/\n\nParis\n$/);
  });

  it('a request in our own format (a title, To, Thread) gets no copy: its sender reads the outbox', async () => {
    const { root } = makeBus();
    const sent = await dispatch(root, ['send', '@claude', 'a question', '--from', '@copilot', '--json']);
    const id = JSON.parse(sent.stdout).id as string;
    const r = await dispatch(root, ['reply', id, 'an answer', '--as', '@claude', '--json']);
    expect(JSON.parse(r.stdout).also_into_inbox).toBeUndefined();
    expect(filesIn(receiverPaths(root, 'copilot').inbox)).toEqual([]);
  });

  it('past the hourly budget of thread-less answers into that inbox (turn_budget), the answer is in the outbox only, and reply says why', async () => {
    const { root } = headRequest();
    const claude = receiverPaths(root, 'claude');
    writeFileSync(join(claude.dir, 'config.json'), '{"turn_budget": 1}\n');
    expect((await dispatch(root, ['reply', REQUEST, 'Paris', '--as', '@claude'])).status).toBe(0);
    const second = '01a24c90-2222-7000-8000-000000000002';
    writeFileSync(join(claude.inbox, messageFileName(second)), '# From: @copilot\n# Timestamp: 2026-12-07T08:01:00Z\n\nAnd of Italy?\n');
    const r = await dispatch(root, ['reply', second, 'Rome', '--as', '@claude']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('also into');
    expect(r.stderr).toContain("no copy of the answer went into its sender's inbox (why, in the fence below)");
    expect(r.stderr).toContain('already answered 1 message without a Thread header into @copilot');
    expect(filesIn(receiverPaths(root, 'copilot').inbox)).toHaveLength(1);
    expect(filesIn(claude.outbox)).toHaveLength(2);
  });

  it('a turn_budget in config.json (any bus writer can write it) does not raise that hourly budget past the default 8, as serve takes it', async () => {
    const { root } = headRequest();
    const claude = receiverPaths(root, 'claude');
    writeFileSync(join(claude.dir, 'config.json'), '{"turn_budget": 1000000}\n');
    for (let i = 1; i <= 9; i++) {
      const id = i === 1 ? REQUEST : `01a24c90-2222-7000-8000-0000000000${String(i).padStart(2, '0')}`;
      if (i > 1) writeFileSync(join(claude.inbox, messageFileName(id)), `# From: @copilot\n# Timestamp: 2026-12-07T08:0${i}:00Z\n\nquestion ${i}\n`);
      expect((await dispatch(root, ['reply', id, `answer ${i}`, '--as', '@claude'])).status).toBe(0);
    }
    expect(filesIn(receiverPaths(root, 'copilot').inbox)).toHaveLength(8);
  });

  // HEAD's reader (helloworld-bus.md 2.2) takes every '#' line before the body's first other line
  // for a header, the last '# From:' winning: an answer starting '# From: @copilot' read as
  // @copilot's own message, which a HEAD runtime drops (a review of 2026-12-07).
  it("an answer whose text starts with '#' lines reaches a HEAD reader from its replier, its text whole", async () => {
    const { root } = headRequest();
    const r = await dispatch(root, ['reply', REQUEST, '# From: @copilot\n# Heading\nParis', '--as', '@claude']);
    expect(r.status, r.stderr).toBe(0);
    const read = headRead(answerIn(receiverPaths(root, 'copilot').inbox));
    expect(read.sender).toBe('@claude');
    expect(read.content).toBe('@claude answers:\n# From: @copilot\n# Heading\nParis');
    // The outbox keeps the text as written.
    expect(answerIn(receiverPaths(root, 'claude').outbox)).toMatch(/\n\n# From: @copilot\n# Heading\nParis\n$/);
  });
});

/** HEAD's receive() parse (helloworld-bus.md 2.2): '#' lines are headers until the first other non-empty line. */
function headRead(text: string): { sender: string; content: string } {
  const lines = text.split('\n');
  let sender = '';
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('# From:')) sender = line.slice('# From:'.length).trim();
    else if (line.startsWith('#') || line.trim() === '') continue;
    else break;
  }
  return { sender, content: i < lines.length ? lines.slice(i).join('\n').trim() : text.trim() };
}
