/**
 * config.json is any bus writer's to write: a value planted there must not make ordinary answers
 * fail after a paid run, nor stop serve through --max-failures (README: "a planted value plus a
 * failing message cannot stop the daemon").
 */
import { describe, it, expect } from 'vitest';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeBus, filesIn, readyLatch, sleep } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';
import { setProcessEnv } from '../support/process-env.ts';

function script(dir: string, name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

function plantConfig(root: string, receiver: string, value: object): void {
  const paths = receiverPaths(root, receiver);
  mkdirSync(paths.dir, { recursive: true });
  writeFileSync(paths.config, JSON.stringify(value));
}

async function serveOnce(root: string, command: string, more: { agentEnv?: string[]; maxFailures?: number } = {}) {
  const log: string[] = [];
  const warnings: string[] = [];
  const summary = await serve({
    root,
    receiver: 'gemini',
    agent: { kind: 'command', command },
    once: true,
    log: (l, fenced) => log.push([l, ...(fenced ?? [])].join('\n')),
    warn: (l, fenced) => warnings.push([l, ...(fenced ?? [])].join('\n')),
    ...more,
  });
  return { summary, log, warnings };
}

describe('a planted config.json cannot stop serve', () => {
  it('max_bytes below an ordinary answer: the answers are kept (serve --max-bytes bounds them), no run is wasted, serve goes on', async () => {
    const { root, base } = makeBus();
    const runs = join(base, 'runs.log');
    const agent = script(base, 'agent.sh', `cat >/dev/null\necho ran >> "${runs}"\nhead -c 400 /dev/zero | tr '\\0' a\necho`);
    plantConfig(root, 'gemini', { max_bytes: 300 });
    for (let i = 0; i < 6; i++) await sendMessage({ root, to: 'gemini', from: 'mallory', body: `hi ${i}` });
    const { summary, log } = await serveOnce(root, agent);
    expect(summary.stoppedAfterFailures, log.join('\n')).toBeUndefined();
    expect(summary).toMatchObject({ answered: 6, deadLettered: 0 });
    expect(readFileSync(runs, 'utf8').trim().split('\n')).toHaveLength(6);
    expect(filesIn(receiverPaths(root, 'gemini').outbox)).toHaveLength(6);
  });

  it('max_bytes still keeps a larger message out of the prompt, before any run, naming config.json as the limit', async () => {
    const { root, base } = makeBus();
    const runs = join(base, 'runs.log');
    const agent = script(base, 'agent.sh', `cat >/dev/null\necho ran >> "${runs}"\necho ok`);
    plantConfig(root, 'gemini', { max_bytes: 300 });
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.inbox, { recursive: true });
    for (let i = 0; i < 6; i++) writeFileSync(join(paths.inbox, `msg-big${i}.hw`), `# From: @mallory\n\n${'x'.repeat(400)}\n`);
    const { summary } = await serveOnce(root, agent, { maxFailures: 2 });
    expect(summary.stoppedAfterFailures).toBeUndefined();
    expect(summary).toMatchObject({ answered: 0, deadLettered: 6 });
    const dead = listDeadLetters(root, 'gemini');
    expect(dead[0]!.deadLetter!.code).toBe('too_large');
    expect(dead[0]!.deadLetter!.reason).toBe(`larger than the limit of 300 bytes (419 bytes; max_bytes of ${paths.config})`);
    expect(() => readFileSync(runs)).toThrow(); // no agent ran
  });

  it("agent_env cannot withhold a name serve --agent-env grants: every agent gets the grant, and serve says once that the file's list is not applied", async () => {
    const { root, base } = makeBus();
    const agent = script(base, 'agent.sh', 'cat >/dev/null\n[ -n "$MY_API_KEY" ] || { echo "error: MY_API_KEY not set" >&2; exit 1; }\necho ok');
    plantConfig(root, 'gemini', { agent_env: ['NOTHING_HERE'] });
    for (let i = 0; i < 6; i++) await sendMessage({ root, to: 'gemini', from: 'mallory', body: `hi ${i}` });
    const restore = setProcessEnv({ MY_API_KEY: 'k' });
    try {
      const { summary, warnings } = await serveOnce(root, agent, { agentEnv: ['MY_API_KEY'] });
      expect(summary.stoppedAfterFailures).toBeUndefined();
      expect(summary).toMatchObject({ answered: 6, deadLettered: 0 });
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^agent_env of \S+config\.json is not applied: agents get the variables serve's --agent-env grants, no more and no fewer/);
      expect(warnings[0]).toMatch(/\n<<<BEGIN UNTRUSTED NAMES [0-9a-f]+\nNOTHING_HERE\nEND UNTRUSTED NAMES/);
    } finally {
      restore();
    }
  });
});

describe.skipIf(process.platform !== 'linux')('a file planted in place of .agents/ (no agent can be recorded, so none runs)', () => {
  it('dead-letters the message, but is not counted as the agent failing: serve does not stop', async () => {
    const { root, base } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    const agent = script(base, 'agent.sh', 'cat >/dev/null\necho ok');
    const stop = new AbortController();
    const log: string[] = [];
    const { ready, isReady } = readyLatch();
    const served = serve({
      root,
      receiver: 'gemini',
      agent: { kind: 'command', command: agent },
      maxFailures: 1,
      signal: stop.signal,
      sweepEveryMs: 60_000,
      log: (l) => log.push(l),
      warn: () => {},
      onReady: () => ready(),
    });
    let summary: Awaited<typeof served> | undefined;
    try {
      await isReady;
      await sleep(300); // past the sweep serve makes at start
      rmSync(join(paths.dir, '.agents'), { recursive: true, force: true });
      writeFileSync(join(paths.dir, '.agents'), 'planted');
      for (let i = 0; i < 3; i++) await sendMessage({ root, to: 'gemini', from: 'mallory', body: `hi ${i}` });
      const started = Date.now();
      while (log.filter((l) => l.startsWith('dead-letter')).length < 3 && Date.now() - started < 5000) await sleep(20);
    } finally {
      stop.abort();
      summary = await served;
    }
    expect(
      log.filter((l) => l.startsWith('dead-letter')),
      log.join('\n'),
    ).toHaveLength(3);
    expect(summary.stoppedAfterFailures).toBeUndefined();
    expect(log.some((l) => l.startsWith('stopping:'))).toBe(false);
    expect(listDeadLetters(root, 'gemini')[0]!.deadLetter!.code).toBe('agent_not_started');
  });
});
