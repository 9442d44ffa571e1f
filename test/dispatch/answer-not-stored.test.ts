/**
 * serve ran the agent (each run costs the operator) and then cannot store its answer: the file
 * system refuses the write (ENOSPC, EROFS, EACCES at write time, which ensureAnswerFolders cannot
 * see beforehand). The paid answer must be neither lost nor paid for again. Tests run as root,
 * where chmod denies nothing, so the kernel's answer is stood in for: node:fs's own openSync and
 * renameSync are replaced for the time of this file (syncBuiltinESMExports updates the named
 * imports the bus code holds).
 */
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { makeBus, filesIn, sleep, readyLatch, readJson } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { parseMessage } from '../../scripts/lib/bus/message.ts';

/** Which call fails: creating the answer's file aside (`open`), or renaming it into the outbox (`rename`). */
const fault = { at: '' as '' | 'open' | 'rename' | 'ledger', code: '', ledger: '' };
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
const realOpenSync = fs.openSync;
const realRenameSync = fs.renameSync;
const refuse = (path: unknown) => {
  throw Object.assign(new Error(`${fault.code}: refused, '${String(path)}'`), { code: fault.code, path });
};
beforeAll(() => {
  // Only the answer's own file: `<name>.<pid>.partial` in .tmp/ (the message was sent before).
  fs.openSync = ((path: string, ...rest: unknown[]) => {
    if (fault.at === 'open' && String(path).endsWith('.partial')) refuse(path);
    // The thread's turn ledger (threads/<32 hex>), appended to just before the answer is stored.
    const appending = typeof rest[0] === 'number' && (rest[0] & fs.constants.O_APPEND) !== 0;
    if (fault.at === 'ledger' && appending && /\/[0-9a-f]{32}$/.test(String(path)) && String(path).endsWith(fault.ledger)) refuse(path);
    return (realOpenSync as (...a: unknown[]) => number)(path, ...rest);
  }) as typeof fs.openSync;
  fs.renameSync = ((from: string, to: string) => {
    if (fault.at === 'rename' && String(from).endsWith('.partial')) refuse(to);
    return realRenameSync(from, to);
  }) as typeof fs.renameSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  fs.openSync = realOpenSync;
  fs.renameSync = realRenameSync;
  syncBuiltinESMExports();
});

/** An agent that counts its runs in `runs` and answers "paid answer N" (after running `first`, a shell line). */
function countingAgent(base: string, first = ''): { command: string; runs: () => number } {
  const count = join(base, 'runs');
  writeFileSync(count, '');
  const p = join(base, 'agent.sh');
  writeFileSync(p, `#!/bin/sh\ncat >/dev/null\n${first}\necho run >> '${count}'\necho "paid answer $(wc -l < '${count}' | tr -d ' ')"\n`);
  chmodSync(p, 0o755);
  return { command: p, runs: () => readFileSync(count, 'utf8').split('\n').filter(Boolean).length };
}

for (const [at, code] of [
  ['ledger', 'ENOSPC'],
  ['open', 'ENOSPC'],
  ['open', 'EROFS'],
  ['rename', 'EACCES'],
] as const) {
  describe(`${code} when ${at === 'ledger' ? "the thread's turn is recorded" : at === 'open' ? 'the answer is written' : 'the answer is moved into outbox/'}`, () => {
    it('a running serve keeps the paid answer and stores it once the fault is gone: the agent is not run again, said once', async () => {
      const { root, base } = makeBus();
      const paths = receiverPaths(root, 'r');
      const agent = countingAgent(base);
      await sendMessage({ root, to: 'r', from: 's', body: 'question' });
      fault.at = at;
      fault.code = code;
      const stop = new AbortController();
      const warnings: string[] = [];
      const log: string[] = [];
      const { ready, isReady } = readyLatch();
      const served = serve({
        root,
        receiver: 'r',
        agent: { kind: 'command', command: agent.command },
        signal: stop.signal,
        sweepEveryMs: 50,
        warn: (l, fenced) => warnings.push([l, ...(fenced ?? [])].join('\n')),
        log: (l) => log.push(l),
        onReady: () => ready(),
      });
      try {
        await isReady;
        for (const t0 = Date.now(); warnings.length === 0 && Date.now() - t0 < 5000; ) await sleep(20);
        await sleep(300); // several tries
        expect(agent.runs()).toBe(1);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(
          /the agent's answer to msg-\S+ could not be stored: \w+ \(the problem in the fence below\); serve keeps it and tries again every 0\.05 s/,
        );
        expect(warnings[0]).toContain(code === 'ENOSPC' ? 'ENOSPC' : code === 'EROFS' ? 'read-only' : 'permission denied');
        expect(filesIn(paths.outbox)).toHaveLength(0);
        expect(filesIn(paths.processing)).toHaveLength(1); // still claimed: nobody else runs it meanwhile
      } finally {
        fault.at = '';
      }
      for (const t0 = Date.now(); filesIn(paths.outbox).length === 0 && Date.now() - t0 < 3000; ) await sleep(20);
      stop.abort();
      expect(await served).toMatchObject({ answered: 1, deadLettered: 0 });
      expect(agent.runs()).toBe(1);
      const [answer] = filesIn(paths.outbox);
      expect(parseMessage(readFileSync(join(paths.outbox, answer!), 'utf8')).body.trim()).toBe('paid answer 1');
      expect(filesIn(paths.processing)).toHaveLength(0);
      expect(filesIn(paths.tmp)).toHaveLength(0);
    });

    it('serve --once dead-letters the request with the paid answer kept and what to do; the agent ran once', async () => {
      const { root, base } = makeBus();
      const paths = receiverPaths(root, 'r');
      const agent = countingAgent(base);
      const sent = await sendMessage({ root, to: 'r', from: 's', body: 'question' });
      fault.at = at;
      fault.code = code;
      let summary;
      const warnings: string[] = [];
      try {
        summary = await serve({
          root,
          receiver: 'r',
          agent: { kind: 'command', command: agent.command },
          once: true,
          warn: (l) => warnings.push(l),
        });
      } finally {
        fault.at = '';
      }
      expect(summary).toMatchObject({ answered: 0, deadLettered: 1 });
      expect(agent.runs()).toBe(1);
      expect(filesIn(paths.processing)).toHaveLength(0);
      const reason = readJson(join(paths.deadLetter, `msg-${sent.id}.hw.reason.json`));
      expect(reason).toMatchObject({ code: 'answer_not_stored', answer: 'paid answer 1' });
      expect(reason.reason).toMatch(/the agent answered but its answer could not be stored: /);
      expect(reason.reason).toContain(`dispatch reply ${sent.id} - --as @r`);
      expect(reason.reason).toMatch(/'dispatch retry' alone runs the agent again/);
    });
  });
}

it('serve stopped while it keeps an answer it cannot store dead-letters the request with the answer kept', async () => {
  const { root, base } = makeBus();
  const paths = receiverPaths(root, 'r');
  const agent = countingAgent(base);
  const sent = await sendMessage({ root, to: 'r', from: 's', body: 'question' });
  fault.at = 'open';
  fault.code = 'ENOSPC';
  const stop = new AbortController();
  const warnings: string[] = [];
  try {
    const served = serve({
      root,
      receiver: 'r',
      agent: { kind: 'command', command: agent.command },
      signal: stop.signal,
      sweepEveryMs: 50,
      warn: (l) => warnings.push(l),
    });
    for (const t0 = Date.now(); warnings.length === 0 && Date.now() - t0 < 5000; ) await sleep(20);
    stop.abort();
    expect(await served).toMatchObject({ answered: 0, deadLettered: 1 });
  } finally {
    fault.at = '';
  }
  expect(agent.runs()).toBe(1);
  expect(filesIn(paths.processing)).toHaveLength(0);
  expect(readJson(join(paths.deadLetter, `msg-${sent.id}.hw.reason.json`))).toMatchObject({ code: 'answer_not_stored', answer: 'paid answer 1' });
});

// A fault of one message's own, which waiting does not mend: any bus writer can put a folder where
// its thread's ledger goes, or leave the ledger read-only. serve kept the paid answer and tried
// again every 5 s for ever, its lane (of --concurrency) taking no other message, and said to fix
// the permissions of threads/ (the folder, which was fine).
describe("a fault of the message's own: its answer is dead-lettered at once, kept, and serve takes the next", () => {
  const ledgerOf = (thread: string) => createHash('sha256').update(thread).digest('hex').slice(0, 32);
  for (const how of ['a folder under the name of its ledger (EISDIR)', 'its ledger a file this user may not write (EACCES, the folder writable)'] as const) {
    it(how, async () => {
      const { root, base } = makeBus();
      const paths = receiverPaths(root, 'r');
      // The folder comes while the agent runs (before, the turn budget's read refuses the message unpaid).
      const planted = join(paths.threads, ledgerOf('planted-thread'));
      const agent = countingAgent(base, how.includes('EISDIR') ? `mkdir -p '${planted}'` : '');
      const stuck = await sendMessage({ root, to: 'r', from: 's', body: 'question', thread: 'planted-thread' });
      const next = await sendMessage({ root, to: 'r', from: 's', body: 'another', thread: 'other-thread' });
      if (!how.includes('EISDIR')) Object.assign(fault, { at: 'ledger', code: 'EACCES', ledger: ledgerOf('planted-thread') });
      const stop = new AbortController();
      const warnings: string[] = [];
      const log: string[] = [];
      try {
        const served = serve({
          root,
          receiver: 'r',
          agent: { kind: 'command', command: agent.command },
          signal: stop.signal,
          sweepEveryMs: 50,
          warn: (l, fenced) => warnings.push([l, ...(fenced ?? [])].join('\n')),
          log: (l) => log.push(l),
        });
        for (const t0 = Date.now(); filesIn(paths.outbox).length === 0 && Date.now() - t0 < 10_000; ) await sleep(20);
        stop.abort();
        expect(await served).toMatchObject({ answered: 1, deadLettered: 1 });
      } finally {
        Object.assign(fault, { at: '', ledger: '' });
      }
      expect(agent.runs()).toBe(2);
      expect(warnings.join('\n')).not.toMatch(/tries again/);
      const reason = readJson(join(paths.deadLetter, `msg-${stuck.id}.hw.reason.json`));
      expect(reason.code).toBe('answer_not_stored');
      expect(['paid answer 1', 'paid answer 2']).toContain(reason.answer);
      expect(reason.reason).toContain(`dispatch reply ${stuck.id} - --as @r`);
      const [answer] = filesIn(paths.outbox);
      expect(parseMessage(readFileSync(join(paths.outbox, answer!), 'utf8')).inReplyTo).toBe(next.id);
      expect(filesIn(paths.processing)).toHaveLength(0);
    });
  }
});
