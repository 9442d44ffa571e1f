/**
 * A request dead-lettered for its thread's turn budget told the user "once the cause is fixed,
 * 'dispatch retry ID' puts it back"; a retry went to dead-letter again at once ("turn 9 … is past
 * the turn budget of 8"). send --wait and wait now say what does help: a new thread (send without
 * --thread), or a daemon with a higher --turn-budget.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, sleep } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

const SERVE = ['serve', '@gemini', '--agent', 'echo', '--once', '--turn-budget', '1'];

/** A bus where @gemini answered turn 1 of a thread, under a daemon whose budget is one turn. */
async function threadAtBudget(): Promise<{ root: string; thread: string }> {
  const { root } = makeBusWithRuntimes();
  const first = await dispatch(root, ['send', '@gemini', 'hi', '--json']);
  expect(first.status, first.stderr).toBe(0);
  const served = await dispatch(root, SERVE);
  expect(served.status, served.stderr).toBe(0);
  return { root, thread: (JSON.parse(first.stdout) as { thread: string }).thread };
}

function expectNewThreadAdvice(stderr: string, receiver: string): void {
  expect(stderr).toContain('the thread has used its turns (the turn budget of the daemon that serves it): a retry would go to dead-letter again;');
  expect(stderr).toContain(`send it again without --thread to start a new thread, or serve ${receiver} with a higher --turn-budget`);
  expect(stderr).not.toContain('once the cause is fixed');
  expect(stderr).not.toContain('to try again');
}

describe('a request dead-lettered for its turn budget', () => {
  it('dispatch wait: says to start a new thread, not to retry', async () => {
    const { root, thread } = await threadAtBudget();
    const second = await dispatch(root, ['send', '@gemini', 'again', '--thread', thread, '--json']);
    const id = (JSON.parse(second.stdout) as { id: string }).id;
    expect((await dispatch(root, SERVE)).status).toBe(1);
    const r = await dispatch(root, ['wait', id, '--timeout', '5']);
    expect(r.status).toBe(1);
    expectNewThreadAdvice(r.stderr, 'its receiver');
    const typed = await dispatch(root, ['wait', id, '--timeout', '5', '--receiver', '@gemini', '--json']);
    expect(JSON.parse(typed.stdout)).toMatchObject({ ok: false, error: { code: 'dead_letter' }, dead_letter: { code: 'turn_budget' } });
    expectNewThreadAdvice((JSON.parse(typed.stdout) as { error: { message: string } }).error.message, '@gemini');
  });

  it('dispatch send --wait: the same', async () => {
    const { root, thread } = await threadAtBudget();
    const sending = dispatch(root, ['send', '@gemini', 'again', '--thread', thread, '--wait', '10']);
    const inbox = receiverPaths(root, 'gemini').inbox;
    for (let i = 0; i < 200 && readdirSync(inbox).length === 0; i++) await sleep(10);
    expect((await dispatch(root, SERVE)).status).toBe(1);
    const r = await sending;
    expect(r.status).toBe(1);
    expectNewThreadAdvice(r.stderr, '@gemini');
  });

  it('another dead letter still names retry', async () => {
    const { root } = makeBusWithRuntimes();
    const sent = await dispatch(root, ['send', '@gemini', 'hi', '--json']);
    const id = (JSON.parse(sent.stdout) as { id: string }).id;
    expect((await dispatch(root, ['serve', '@gemini', '--agent', 'false', '--once'])).status).toBe(1);
    const r = await dispatch(root, ['wait', id, '--timeout', '5']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`'dispatch retry ${id}' to try again`);
  });
});

describe('send --thread on a thread past the budget config.json sets', () => {
  it('warns before sending: the daemon will dead-letter it; not while the thread is within the default budget and config.json sets none', async () => {
    const { root, thread } = await threadAtBudget();
    const free = await dispatch(root, ['send', '@gemini', 'again', '--thread', thread]);
    expect(free.status, free.stderr).toBe(0);
    expect(free.stderr).not.toContain('turn budget');
    writeFileSync(receiverPaths(root, 'gemini').config, JSON.stringify({ turn_budget: 1 }));
    const r = await dispatch(root, ['send', '@gemini', 'and again', '--thread', thread]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      `warning: turn 3 of thread ${thread} is past the turn budget of 1 (turn_budget in @gemini's config.json): a daemon will put this message in dead-letter; send it without --thread to start a new thread\n`,
    );
  });
});
