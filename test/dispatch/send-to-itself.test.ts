/**
 * `serve` archives a message whose sender is its receiver unanswered ("a message to itself needs no
 * answer"), yet a send to oneself said nothing, and its note advised starting that very daemon
 * (a review of 2026-12-07: `send @codex … --from @codex --wait 10` waited for an answer that could
 * not come). It now says so, in place of that advice.
 */
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes } from './helpers.ts';
import { mcpToolCallers } from './mcp-in-process.ts';

const connect = mcpToolCallers();

describe('a message sent to oneself', () => {
  it('dispatch send says a daemon serving that receiver archives it unanswered, and gives no serve advice', async () => {
    const bus = makeBusWithRuntimes();
    const r = await dispatch(bus.root, ['send', '@codex', 'a note', '--from', '@codex']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'this message is from @codex to @codex: a daemon serving @codex archives it unanswered (a message to itself needs no answer); send it from another name to have it answered',
    );
    expect(r.stderr).not.toContain("'dispatch serve @codex'");
  });

  it('the MCP send tool says it in warning, with no unserved advice', async () => {
    const bus = makeBusWithRuntimes();
    const call = await connect(bus.root, '@claude', 'claude');
    const sent = await call('send', { to: '@claude', body: 'note to self' });
    expect(sent.structuredContent).toMatchObject({ ok: true, from: '@claude', to: '@claude' });
    expect(sent.structuredContent!.warning).toContain('this message is from @claude to @claude: a daemon serving @claude archives it unanswered');
    expect(sent.structuredContent!.unserved).toBeUndefined();
  });
});
