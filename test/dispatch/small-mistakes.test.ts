/** Small mistakes and outcomes the commands name: an unquoted message, serve --once that answered nothing. */
import { describe, it, expect } from 'vitest';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dispatch, makeBus } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

describe('a message typed without quotes', () => {
  it('send says to quote it, giving the command back', async () => {
    const { root } = makeBus();
    const r = await dispatch(root, ['send', '@codex', 'review', 'this', 'diff']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unexpected argument 'this' \(quote the message: dispatch send @codex "review this diff"\)\n/);
    const dollar = await dispatch(root, ['send', '@codex', 'costs', '$5']);
    expect(dollar.stderr).toContain(`(quote the message: dispatch send @codex 'costs $5')`);
    const both = await dispatch(root, ['send', '@codex', "it's", '"so"']);
    expect(both.stderr).toContain('(quote the message: it is one argument)');
  });

  it('reply says the same of its answer', async () => {
    const { root } = makeBus();
    const r = await dispatch(root, ['reply', '01a2482d-df61-7335-b605-b2edb5186428', 'looks', 'good']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`(quote the answer: dispatch reply 01a2482d-df61-7335-b605-b2edb5186428 "looks good")`);
  });

  it('gives no command back when the id or receiver typed holds what a shell acts on (an agent may run the hint)', async () => {
    const { root } = makeBus();
    const r = await dispatch(root, ['reply', '$(touch /tmp/x);', 'hello', 'there']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(quote the answer: it is one argument)');
    expect(r.stderr).not.toContain('$(touch');
    const s = await dispatch(root, ['send', '@gemini;id', 'a', 'b']);
    expect(s.stderr).not.toContain('dispatch send @gemini;id');
  });
});

describe('serve --once', () => {
  it('exits 1 (dead_letter) when every message it took went to dead-letter, 0 when one was answered', async () => {
    const { root, base } = makeBus();
    const failing = join(base, 'fail.sh');
    writeFileSync(failing, '#!/bin/sh\ncat >/dev/null\nexit 3\n');
    chmodSync(failing, 0o755);
    mkdirSync(receiverPaths(root, 'gemini').inbox, { recursive: true });
    await sendMessage({ root, to: 'gemini', from: 'human', body: 'one' });
    await sendMessage({ root, to: 'gemini', from: 'human', body: 'two' });
    const r = await dispatch(root, ['serve', '@gemini', '--agent', failing, '--once']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      "error: every message serve took went to dead-letter (2): 'dispatch dead-letter @gemini' shows why; once the cause is fixed, 'dispatch retry @gemini --all' puts them back",
    );
    await sendMessage({ root, to: 'gemini', from: 'human', body: 'three' });
    const ok = await dispatch(root, ['serve', '@gemini', '--agent', 'echo', '--once']);
    expect(ok.status, ok.stderr).toBe(0);
    const empty = await dispatch(root, ['serve', '@gemini', '--agent', 'echo', '--once']);
    expect(empty.status, empty.stderr).toBe(0);
  });
});
