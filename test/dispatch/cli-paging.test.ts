/**
 * `dispatch inbox` and `dispatch thread` list a page (100 by default, --limit, --offset), as their
 * MCP tools do: what any bus writer planted is read no further than the page. 100,000 planted
 * messages with a 1 MiB header ran `inbox` out of heap (exit 134, a V8 stack trace); 10,000
 * answers of 512 KiB in one thread printed 3.9 GB in 5 minutes, and `thread --json` ran out of
 * heap (review of 2026-12-07).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { newMessageId } from '../../scripts/lib/bus/ids.ts';

const THREAD = '01a25147-77db-70f6-82aa-34a1bc94aaaa';

function plant(dir: string, n: number, text: (id: string) => string): string[] {
  mkdirSync(dir, { recursive: true });
  const ids = Array.from({ length: n }, () => newMessageId());
  for (const id of ids) writeFileSync(join(dir, `msg-${id}.hw`), text(id));
  return ids;
}

describe('dispatch inbox pages', () => {
  it('lists 100 by default, then the next page from --offset, and says how to get it', async () => {
    const { root } = makeBus();
    const ids = plant(receiverPaths(root, 'pg').inbox, 130, () => '# HelloWorld Message\n# From: @x\n# To: @pg\n\nhello\n');
    const first = await dispatch(root, ['inbox', '@pg', '--json']);
    expect(first.status, first.stderr).toBe(0);
    const j = JSON.parse(first.stdout);
    expect(j).toMatchObject({ count: 100, total: 130, offset: 0, truncated: true, next_offset: 100 });
    const second = JSON.parse((await dispatch(root, ['inbox', '@pg', '--json', '--offset', '100'])).stdout);
    expect(second).toMatchObject({ count: 30, total: 130, offset: 100, truncated: false });
    expect(new Set([...j.messages, ...second.messages].map((m: { id: string }) => m.id))).toEqual(new Set(ids));
    const text = await dispatch(root, ['inbox', '@pg', '--limit', '10']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^130 files in the inbox of @pg; listed 1 to 10: 10 messages waiting/m);
    // The way on keeps the page's size and the bus (a second review of 2026-12-07).
    expect(text.stdout).toMatch(/120 more not listed: dispatch inbox @pg --offset 10 --limit 10 --root \S+/);
    expect((await dispatch(root, ['inbox', '@pg', '--limit', '0'])).status).toBe(2);
    expect((await dispatch(root, ['inbox', '@pg', '--limit', '1001'])).status).toBe(2);
    expect((await dispatch(root, ['inbox', '@pg', '--offset', '500'])).stdout).toMatch(/130 files in the inbox of @pg, none from --offset 500/);
  });
});

describe('dispatch thread pages', () => {
  it('prints 100 members by default, says how many more and how to get them; --json too', async () => {
    const { root } = makeBus();
    plant(receiverPaths(root, 'pt').outbox, 120, (id) => `# HelloWorld Message\n# From: @pt\n# To: @x\n# Thread: ${THREAD}\n# In-Reply-To: ${id}\n\nanswer\n`);
    const j = JSON.parse((await dispatch(root, ['thread', THREAD, '--json'])).stdout);
    expect(j).toMatchObject({ count: 100, total: 120, offset: 0, truncated: true, next_offset: 100 });
    expect(j.messages).toHaveLength(100);
    const rest = JSON.parse((await dispatch(root, ['thread', THREAD, '--json', '--offset', '100'])).stdout);
    expect(rest).toMatchObject({ count: 20, total: 120, offset: 100, truncated: false });
    const text = await dispatch(root, ['thread', THREAD, '--limit', '5']);
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/115 more not printed: dispatch thread \S+ --offset 5/);
  });
});

// A second review (2026-12-07): 100 members of 60 MiB each still ran `thread --json` out of heap.
describe('dispatch thread --json', () => {
  it('gives the first 64 KiB of each message, with partial_of its file size', async () => {
    const { root } = makeBus();
    const big = 'b'.repeat(1024 * 1024);
    plant(receiverPaths(root, 'tj').outbox, 3, (id) => `# HelloWorld Message\n# From: @tj\n# To: @x\n# Thread: ${THREAD}\n# In-Reply-To: ${id}\n\n${big}\n`);
    const r = await dispatch(root, ['thread', THREAD, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.messages).toHaveLength(3);
    for (const m of j.messages) {
      expect(m.untrusted.body.length).toBeLessThanOrEqual(64 * 1024);
      expect(m.partial_of).toBeGreaterThan(1024 * 1024);
    }
    expect(r.stdout.length).toBeLessThan(400 * 1024);
  });
});
