/** The turn budget holds whatever a message's Thread header holds (a remote peer writes it). */
import { describe, it, expect } from 'vitest';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { makeBus, filesIn } from './helpers.ts';
import { serve } from '../../scripts/lib/bus/daemon.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';

const ledgerName = (thread: string) => createHash('sha256').update(thread).digest('hex').slice(0, 32);

describe('turn ledgers of threads with long ids', () => {
  it('a Thread header of megabytes neither grows the ledger by its size per answer nor resets the budget', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.inbox, { recursive: true });
    writeFileSync(paths.config, JSON.stringify({ turn_budget: 2 }));
    // Not a plain thread id (spaces), 2.5 MB: two answers would make a ledger past the 4 MiB it reads.
    const thread = 'loop '.repeat(500_000).trim();
    for (let i = 1; i <= 4; i++) {
      writeFileSync(join(paths.inbox, `msg-big${i}.hw`), `# From: @claude\n# Thread: ${thread}\n# Turn: 1\n\nmessage ${i}\n`);
    }
    const log: string[] = [];
    const summary = await serve({ root, receiver: 'gemini', agent: { kind: 'echo' }, once: true, log: (l) => log.push(l) });
    expect(summary, log.join('\n')).toMatchObject({ answered: 2, deadLettered: 2 });
    expect(filesIn(paths.outbox)).toHaveLength(2);
    expect(listDeadLetters(root, 'gemini').map((d) => d.deadLetter!.code)).toEqual(['turn_budget', 'turn_budget']);
    expect(statSync(join(paths.threads, ledgerName(thread))).size).toBeLessThan(2048);
  });

  it('a ledger that cannot be read counts as a used-up budget, not as an empty one', async () => {
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.inbox, { recursive: true });
    mkdirSync(join(paths.threads, ledgerName('th-1')), { recursive: true }); // a folder planted under its name
    writeFileSync(join(paths.inbox, 'msg-m1.hw'), '# From: @claude\n# Thread: th-1\n\nhello\n');
    const log: string[] = [];
    const summary = await serve({ root, receiver: 'gemini', agent: { kind: 'echo' }, once: true, log: (l) => log.push(l) });
    expect(summary, log.join('\n')).toMatchObject({ answered: 0, deadLettered: 1 });
    const [dead] = listDeadLetters(root, 'gemini');
    expect(dead!.deadLetter!.code).toBe('turn_budget');
    expect(dead!.deadLetter!.reason).toMatch(/turn ledger .* cannot be read/);
  });
});

describe('bus files that hold a sender text', () => {
  it('a turn ledger line and a bus JSON file write bidi and C1 characters as \\u escapes, the values the same', async () => {
    const { readFileSync } = await import('node:fs');
    const { recordTurn } = await import('../../scripts/lib/bus/threads.ts');
    const { writeBusJsonAtomic } = await import('../../scripts/lib/bus/fsutil.ts');
    const { root } = makeBus();
    const paths = receiverPaths(root, 'gemini');
    mkdirSync(paths.threads, { recursive: true });
    const thread = 't-\u202eevil\u009b31m';
    recordTurn(paths, thread, 'msg-1');
    const line = readFileSync(join(paths.threads, ledgerName(thread)), 'utf8');
    expect(line).not.toMatch(/[\u202e\u009b]/);
    expect(JSON.parse(line.slice(line.indexOf('"')))).toBe(thread);
    const file = join(paths.dir, 'x.json');
    writeBusJsonAtomic(root, file, { reason: thread });
    expect(readFileSync(file, 'utf8')).not.toMatch(/[\u202e\u009b]/);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ reason: thread });
  });
});
