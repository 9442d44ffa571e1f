/**
 * An error thrown while serve handles a claimed message (here: a symbolic link a bus writer planted
 * as runtimes/<r>/threads, which the turn ledger refuses with unsafe_bus_folder). It was only
 * logged: the claim stayed in processing/ until its lease ran out and was tried again forever,
 * never counted toward --max-failures, and `serve --once` exited 0. Now it is a failure: the
 * message goes to dead-letter with the error as its reason, the failure counts, --once exits 1.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { dispatch, filesIn, makeBus, outside, plantLink, splitFences } from './helpers.ts';
import { sendMessage } from '../../scripts/lib/bus/deliver.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { serve, type ServeOptions } from '../../scripts/lib/bus/daemon.ts';
import { listDeadLetters } from '../../scripts/lib/bus/query.ts';

/** A bus with `n` messages for @r and its threads/ folder a link to a folder outside the bus. */
async function plantedThreads(n: number) {
  const { root } = makeBus();
  const paths = receiverPaths(root, 'r');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await sendMessage({ root, to: 'r', from: 's', body: `q${i}` })).id);
  const away = outside();
  plantLink(paths.threads, away);
  return { root, paths, ids, away };
}

async function serveLogged(root: string, more: Partial<ServeOptions> = {}) {
  const log: string[] = [];
  const summary = await serve({
    root,
    receiver: 'r',
    agent: { kind: 'echo' },
    log: (l, fenced) => log.push(l, ...(fenced ?? [])),
    warn: (l, fenced) => log.push(l, ...(fenced ?? [])),
    ...more,
  });
  return { summary, log: log.join('\n') };
}

describe('an error while serve handles a message (a planted threads/ link)', () => {
  it('--once: each message goes to dead-letter with the error as its reason, the error fenced in the log; nothing is written outside the bus', async () => {
    const { root, paths, ids, away } = await plantedThreads(2);
    const { summary, log } = await serveLogged(root, { once: true });
    expect(summary).toMatchObject({ answered: 0, deadLettered: 2, failed: 2 });
    expect(filesIn(paths.processing)).toEqual([]);
    expect(filesIn(paths.inbox)).toEqual([]);
    const dead = listDeadLetters(root, 'r');
    expect(dead.map((d) => d.id).sort()).toEqual([...ids].sort());
    for (const d of dead) {
      expect(d.deadLetter!.code).toBe('unsafe_bus_folder');
      expect(d.deadLetter!.reason).toContain(paths.threads);
      expect(d.deadLetter!.reason).toMatch(/symbolic link/);
    }
    // The error quotes the bus's paths: in a fence, never in serve's own words.
    const { outside: ours, fenced } = splitFences(log);
    expect(fenced).toContain(paths.threads);
    expect(ours).not.toContain(paths.threads);
    for (const id of ids) expect(ours).toMatch(new RegExp(`^dead-letter msg-${id} \\(code unsafe_bus_folder\\); `, 'm'));
    expect(readdirSync(away)).toEqual([]);
  });

  it('counts toward --max-failures: a long-running serve stops, the rest left in the inbox', async () => {
    const { root, paths, away } = await plantedThreads(4);
    const { summary, log } = await serveLogged(root, { maxFailures: 2, sweepEveryMs: 50 });
    expect(summary.stoppedAfterFailures).toEqual({ count: 2, lastCode: 'unsafe_bus_folder' });
    expect(summary).toMatchObject({ deadLettered: 2, failed: 2 });
    expect(filesIn(paths.inbox)).toHaveLength(2);
    expect(filesIn(paths.processing)).toEqual([]);
    // Not "the agent failed": the agent never ran.
    expect(log).toMatch(/^stopping: 2 messages in a row could not be handled \(last: unsafe_bus_folder\); /m);
    expect(log).not.toMatch(/the agent failed/);
    expect(readdirSync(away)).toEqual([]);
  });

  it('when dead-letter/ is unsafe too, the claim is left for its lease, and the log says so', async () => {
    const { root, paths, away } = await plantedThreads(1);
    const awayDead = outside();
    plantLink(paths.deadLetter, awayDead);
    const { summary, log } = await serveLogged(root, { once: true });
    expect(summary).toMatchObject({ deadLettered: 0, failed: 1 });
    expect(filesIn(paths.processing)).toHaveLength(1);
    expect(splitFences(log).outside).toMatch(/nor could it go to dead-letter .*: it stays claimed until its lease runs out, then it is tried again/);
    expect(readdirSync(away)).toEqual([]);
    expect(readdirSync(awayDead)).toEqual([]);
  });

  it('dispatch serve --once exits 1 and says why', async () => {
    const { root, away } = await plantedThreads(1);
    const r = await dispatch(root, ['serve', '@r', '--agent', 'echo', '--once']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^stopped: 0 answered, 0 archived without answer, 1 dead-lettered, 1 failed$/m);
    expect(r.stderr).toMatch(/error: serve could not handle 1 message/);
    expect(readdirSync(away)).toEqual([]);
  });
});
