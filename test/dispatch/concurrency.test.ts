import { describe, it, expect, beforeAll } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, makeBus, filesIn } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';

let producer: string;
let consumer: string;

beforeAll(async () => {
  producer = await bundle('test/dispatch/workers/producer.ts');
  consumer = await bundle('test/dispatch/workers/consumer.ts');
});

interface Worker {
  /** Resolves when the worker prints "ready" (consumers do, once they watch the inbox), or ends. */
  ready: Promise<void>;
  done: Promise<{ code: number | null; stderr: string }>;
}

function run(script: string, args: string[]): Worker {
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let stdout = '';
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  const ready = new Promise<void>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (stdout.includes('ready\n')) resolve();
    });
    void done.then(() => resolve());
  });
  return { ready, done };
}

describe('4 producer processes x 4 consumer processes', () => {
  // 400 messages race through one inbox: enough for claims to collide often (about 250 claims lost
  // to another consumer's rename per run, counted once in the product; 1,000 messages lost about 700
  // at two and a half times the CPU). A larger count only costs time; the bus throughput is
  // measured in npm run bench.
  it('delivers every one of 4 x 100 messages exactly once', async () => {
    const { root, base } = makeBus();
    const perProducer = 100;
    const done = join(base, 'producers-done');
    const outs = [0, 1, 2, 3].map((i) => join(base, `consumer-${i}.txt`));
    for (const o of outs) writeFileSync(o, '');
    const consumers = outs.map((o, i) => run(consumer, [root, 'sink', o, done, String(i)]));
    // Every consumer watches the inbox before the first message comes (on a loaded machine, one
    // that started late could find the work already done).
    await Promise.all(consumers.map((c) => c.ready));
    const producers = [0, 1, 2, 3].map((i) => run(producer, [root, 'sink', String(perProducer), `p${i}`]).done);
    const produced = await Promise.all(producers);
    for (const p of produced) expect(p.code, p.stderr).toBe(0);
    writeFileSync(done, '');
    const consumed = await Promise.all(consumers.map((c) => c.done));
    for (const c of consumed) expect(c.code, c.stderr).toBe(0);

    const lines = outs.flatMap((o) =>
      readFileSync(o, 'utf8')
        .split('\n')
        .filter((l) => l !== ''),
    );
    const expected = new Set<string>();
    for (let p = 0; p < 4; p++) for (let i = 0; i < perProducer; i++) expected.add(`p${p}-${i}`);
    expect(lines.length).toBe(4 * perProducer); // no duplicate
    expect(new Set(lines)).toEqual(expected); // no loss
    // Work was shared: every consumer took some.
    for (const o of outs) expect(readFileSync(o, 'utf8').length).toBeGreaterThan(0);

    const paths = receiverPaths(root, 'sink');
    expect(filesIn(paths.inbox)).toEqual([]);
    expect(filesIn(paths.processing)).toEqual([]);
    expect(existsSync(paths.deadLetter)).toBe(false);
    const day = filesIn(paths.archive);
    const archived = day.flatMap((d) => filesIn(join(paths.archive, d)));
    expect(archived.length).toBe(4 * perProducer);
    expect(filesIn(paths.tmp)).toEqual([]);
  }, 120_000);
});
