/** An agent's output as serve keeps it: characters split across the pipe's chunks. */
import { describe, it, expect } from 'vitest';
import { runAgent } from '../../scripts/lib/bus/agent.ts';

describe('an agent whose stderr splits a character across two writes', () => {
  it('keeps the character whole in the tail the dead-letter reason quotes', async () => {
    // '€' is E2 82 AC: its first byte, a pause (a second chunk), then the rest.
    const r = await runAgent({
      agent: { kind: 'command', command: `printf '\\342' >&2; sleep 0.3; printf '\\202\\254 is not accepted' >&2; exit 3` },
      prompt: '',
      body: '',
      env: { PATH: process.env.PATH },
      cwd: process.cwd(),
      timeoutMs: 10_000,
      maxOutputBytes: 1024,
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.stderr).toBe('€ is not accepted');
    expect(r.reason).toContain("stderr '€ is not accepted'");
  });
});
