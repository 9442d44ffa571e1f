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

function run(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('4 producer processes x 4 consumer processes', () => {
  // 2,000 messages race through one inbox: enough for claims to collide often (a larger count
  // only costs time; the bus throughput is measured in npm run bench).
  it('delivers every one of 4 x 500 messages exactly once', async () => {
    const { root, base } = makeBus();
    const perProducer = 500;
    const done = join(base, 'producers-done');
    const outs = [0, 1, 2, 3].map((i) => join(base, `consumer-${i}.txt`));
    for (const o of outs) writeFileSync(o, '');
    const consumers = outs.map((o, i) => run(consumer, [root, 'sink', o, done, String(i)]));
    const producers = [0, 1, 2, 3].map((i) => run(producer, [root, 'sink', String(perProducer), `p${i}`]));
    const produced = await Promise.all(producers);
    for (const p of produced) expect(p.code, p.stderr).toBe(0);
    writeFileSync(done, '');
    const consumed = await Promise.all(consumers);
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
