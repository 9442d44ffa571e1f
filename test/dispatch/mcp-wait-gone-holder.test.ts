/**
 * The MCP wait that runs out while a daemon that is gone (killed with -9) holds the request said
 * "the request is claimed …; call wait again later", where `dispatch wait` says it is held by a
 * daemon that is gone and how to take it back. The tool says the same, the way on in its own
 * words (the claim tool, where the command says 'dispatch claim').
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { claimById } from '../../scripts/lib/bus/claims.ts';

const connect = mcpToolCallers();

describe('dispatch mcp wait: a request held by a daemon that is gone', () => {
  it("says so in dispatch wait's words: the pid, 'dispatch claim @codex ID' (or a serve) to take it back, and when its lease returns it", async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await sendMessage({ root, to: 'codex', from: 'human', body: 'q' });
    // A pid no process has, of this machine (no host tag): a daemon killed with -9.
    await claimById(root, 'codex', sent.id, { owner: 'p999999999', leaseMs: 600_000 });
    const cli = await dispatch(root, ['wait', sent.id, '--timeout', '0.2', '--receiver', '@codex']);
    const where =
      /the request is (claimed in @codex's processing\/, held by a daemon that is gone \(pid 999999999\); take it back with 'dispatch claim @codex [0-9a-f-]{36}' to answer it by hand, or start 'dispatch serve @codex' \(else its lease returns it at [^)]+\)); wait again/.exec(
        cli.stderr,
      );
    expect(where, cli.stderr).not.toBeNull();
    const call = await connect(root, '@human');
    const r = await call('wait', { id: sent.id, timeout_s: 0.2, receiver: '@codex' });
    expect(r.structuredContent).toMatchObject({ ok: true, status: 'timed-out' });
    // The same facts, the way on in the tools' words: the claim tool first (mcp-tool-words.test.ts).
    const inToolWords = where![1]!
      .replace(`'dispatch claim @codex ${sent.id}' to answer it by hand`, `claim {"receiver": "@codex", "id": "${sent.id}"} and answer it with reply`)
      .replace("'dispatch serve @codex'", "'dispatch serve @codex' in a terminal");
    expect((r.structuredContent as { message: string }).message).toBe(`no answer within 0.2 s; the request is ${inToolWords}; call wait again later`);
  });
});
