/**
 * What a daemon spends on each message beyond the agent. The built-in echo agent runs no process,
 * so a daemon serving it makes no private agent folder per message (a folder made and removed for
 * nothing cost each answer a create and a remove on disk); a command agent still gets one for each
 * message (serve.test.ts checks what it holds). The folders are watched where they are made,
 * `<ALIVE_HOME>/dispatch-agents/`. And serve combines its stop signals once, not per message.
 */
import { describe, expect, it, vi } from 'vitest';
import { chmodSync, mkdirSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, sleep } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve, type ServeOptions } from '../../scripts/lib/bus/daemon.ts';
import { setProcessEnv } from '../support/process-env.ts';

/** How many answers serving two messages gave, and the names made in the agents' folder meanwhile. */
async function answerTwo(agent: (base: string) => ServeOptions['agent']): Promise<{ answered: number; made: Set<string> }> {
  const { root, base } = makeBus();
  const aliveHome = join(base, 'alive-home');
  const folders = join(aliveHome, 'dispatch-agents');
  mkdirSync(folders, { recursive: true, mode: 0o700 });
  await sendMessage({ root, to: 'claude', from: 'gemini', body: 'q1' });
  await sendMessage({ root, to: 'claude', from: 'gemini', body: 'q2' });
  const made = new Set<string>();
  const watcher = watch(folders, (_event, name) => {
    if (name) made.add(name);
  });
  const restoreEnv = setProcessEnv({ ALIVE_HOME: aliveHome });
  try {
    const summary = await serve({ root, receiver: 'claude', agent: agent(base), once: true, log: () => {}, warn: () => {} });
    await sleep(100); // the watcher's events for what serve made
    return { answered: summary.answered, made };
  } finally {
    restoreEnv();
    watcher.close();
  }
}

describe('private agent folders', () => {
  it('echo answers without one', async () => {
    const { answered, made } = await answerTwo(() => ({ kind: 'echo' }));
    expect(answered).toBe(2);
    expect([...made]).toEqual([]);
  });

  it('a command agent gets one per message', async () => {
    const { answered, made } = await answerTwo((base) => {
      const agent = join(base, 'agent.sh');
      writeFileSync(agent, '#!/bin/sh\ncat\n');
      chmodSync(agent, 0o755);
      return { kind: 'command', command: agent };
    });
    expect(answered).toBe(2);
    expect(made.size).toBe(2);
  });
});

describe('stop signals', () => {
  it('are combined once for the whole run, not for each message and each wait (AbortSignal.any costs 10-15 us each)', async () => {
    const { root } = makeBus();
    for (let i = 0; i < 5; i++) await sendMessage({ root, to: 'claude', from: 'gemini', body: `q${i}` });
    const any = vi.spyOn(AbortSignal, 'any');
    try {
      const stop = new AbortController();
      const summary = await serve({ root, receiver: 'claude', agent: { kind: 'echo' }, once: true, signal: stop.signal, log: () => {}, warn: () => {} });
      expect(summary.answered).toBe(5);
      expect(any.mock.calls.length).toBe(1);
    } finally {
      any.mockRestore();
    }
  });
});
