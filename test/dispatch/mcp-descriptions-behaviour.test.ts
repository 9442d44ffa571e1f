/**
 * A tool's description is what the model knows of it: it says what the tool does. `inbox` and
 * `status` said '"warning" says when the server's folder holds no bus' though both refuse there
 * (no_bus), and `wait` listed no "closed", which it returns.
 */
import { describe, expect, it } from 'vitest';
import { makeBus, makeBusWithRuntimes } from './helpers.ts';
import { mcpInProcess, mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById, completeClaim, deadLetterClaim } from '../../scripts/lib/bus/claims.ts';
import { answerMessage } from '../../scripts/lib/bus/answer.ts';

const connect = mcpToolCallers();

async function descriptions(root: string): Promise<Map<string, string>> {
  const { client, close } = await mcpInProcess(root, '@human');
  try {
    return new Map((await client.listTools()).tools.map((t) => [t.name, t.description ?? '']));
  } finally {
    await close();
  }
}

const lease = { owner: 'hand', leaseMs: 60_000 };

describe('dispatch mcp: each description says what its tool does', () => {
  it('every status wait returns is named in its description', async () => {
    const { root } = makeBusWithRuntimes();
    const call = await connect(root, '@human');
    const answered = await sendMessage({ root, to: 'codex', from: 'human', body: 'a' });
    await answerMessage(root, 'codex', answered.id, 'yes');
    const closed = await sendMessage({ root, to: 'codex', from: 'human', body: 'b' });
    completeClaim((await claimById(root, 'codex', closed.id, lease))!);
    const dead = await sendMessage({ root, to: 'codex', from: 'human', body: 'c' });
    deadLetterClaim((await claimById(root, 'codex', dead.id, lease))!, 'the agent failed', 'agent_failed');
    const waiting = await sendMessage({ root, to: 'codex', from: 'human', body: 'd' });
    const statuses = new Set<string>();
    for (const { id } of [answered, closed, dead, waiting]) {
      // A request archived without an answer is taken as closed once it stayed so for a second (responses.ts CLOSED_SETTLE_MS).
      const r = await call('wait', { id, timeout_s: id === closed.id ? 3 : 0.2 });
      const status = (r.structuredContent as { status?: string }).status;
      expect(status, r.content[0]?.text).toBeDefined();
      statuses.add(status!);
    }
    expect([...statuses].sort()).toEqual(['answered', 'closed', 'dead-lettered', 'timed-out']);
    const wait = (await descriptions(root)).get('wait')!;
    for (const status of statuses) expect(wait, status).toContain(`"${status}"`);
  });

  it('a tool refused where no bus is (no_bus) says so, and promises no "warning" for it', async () => {
    const { root } = makeBus();
    const call = await connect(root, '@human');
    const args: Record<string, Record<string, unknown>> = {
      inbox: { receiver: 'codex' },
      status: {},
      dead_letters: { receiver: 'codex' },
      claim: { receiver: 'codex' },
    };
    const texts = await descriptions(root);
    for (const [tool, a] of Object.entries(args)) {
      const r = await call(tool, a);
      expect(r.structuredContent, tool).toMatchObject({ ok: false, error: { code: 'no_bus' } });
      const description = texts.get(tool)!;
      expect(description, tool).not.toMatch(/"warning" says when the server's folder holds no bus/);
    }
    for (const tool of ['inbox', 'status']) expect(texts.get(tool), tool).toContain('no_bus');
  });
});
