/**
 * Bus benchmark: round trip of a request through a real echo daemon process (p50, p95 over 200
 * messages) and throughput with 1 and 4 daemon processes, each next to a plain polling loop at
 * 100 ms (the reference's design: read, delete, write the reply, poll again) measured in the same
 * run. Run standalone with `npx tsx bench/bus.ts` (after `npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchAliveHome, distPath, median, ok, percentile, printRows, row, runTimed, type BenchRow } from './lib.ts';
import { sendMessage } from '../scripts/lib/bus/deliver.ts';
import { waitForResponse } from '../scripts/lib/bus/responses.ts';
import { receiverPaths } from '../scripts/lib/bus/layout.ts';

const ROUND_TRIPS = 200;
/** `dispatch send --wait` runs from the command line, interleaved with `node -e 0` runs. */
const CLI_ROUND_TRIPS = 20;
const CLI_TARGET = 1.5;
const THROUGHPUT_MESSAGES = 2000;

/** The baseline: a responder that polls its inbox every 100 ms, as the reference daemons did. */
const POLLING_RESPONDER = `
const fs = require('node:fs'), path = require('node:path');
const [inbox, outbox, stopFile] = process.argv.slice(1);
fs.mkdirSync(outbox, { recursive: true });
const tick = () => {
  if (fs.existsSync(stopFile)) process.exit(0);
  let names = [];
  try { names = fs.readdirSync(inbox).filter((n) => n.startsWith('msg-') && n.endsWith('.hw')); } catch {}
  for (const n of names) {
    let text;
    try { text = fs.readFileSync(path.join(inbox, n), 'utf8'); fs.unlinkSync(path.join(inbox, n)); } catch { continue; }
    fs.writeFileSync(path.join(outbox, n), text);
  }
  setTimeout(tick, 100);
};
tick();
`;

function startDaemon(root: string, receiver: string): ChildProcess {
  return spawn(process.execPath, [distPath('dispatch'), 'serve', receiver, '--agent', 'echo', '--root', root, '--create'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ALIVE_HOME: benchAliveHome() },
  });
}

async function untilServing(child: ChildProcess): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    let err = '';
    const t = setTimeout(() => reject(new Error(`daemon did not start: ${err}`)), 15_000);
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('serving ')) {
        clearTimeout(t);
        resolve();
      }
    });
    child.on('exit', (code) => reject(new Error(`daemon exited ${code}: ${err}`)));
  });
}

async function stop(children: ChildProcess[]): Promise<void> {
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', () => resolve());
          c.kill('SIGTERM');
        }),
    ),
  );
}

async function roundTrips(): Promise<number[]> {
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-bus-'));
  const daemon = startDaemon(root, 'echo');
  try {
    await untilServing(daemon);
    const times: number[] = [];
    for (let i = 0; i < ROUND_TRIPS + 10; i++) {
      const t0 = process.hrtime.bigint();
      const sent = await sendMessage({ root, to: 'echo', from: 'bench', body: `ping ${i}` });
      const r = await waitForResponse(root, 'echo', sent.id, 10_000);
      if (!r.ok) throw new Error(`no answer to message ${i}`);
      if (i >= 10) times.push(Number(process.hrtime.bigint() - t0) / 1e6); // 10 warm-up rounds
    }
    return times;
  } finally {
    await stop([daemon]);
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * The round trip a user sees: a `dispatch send ... --wait` process (start-up, delivery, waiting
 * for the echo daemon's answer, exit), against `node -e 0` started in the same loop.
 */
export async function cliRoundTrips(): Promise<{ ours: number[]; floor: number[] }> {
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-cli-'));
  const daemon = startDaemon(root, 'echo');
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root };
  try {
    await untilServing(daemon);
    const ours: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < CLI_ROUND_TRIPS + 3; i++) {
      const sent = ok(
        runTimed(process.execPath, [distPath('dispatch'), 'send', 'echo', `ping ${i}`, '--wait', '10', '--root', root], { env }),
        'dispatch send --wait',
      );
      // The answer comes inside the data fence (it is the receiver's text).
      if (!sent.stdout.includes(`\nping ${i}\nEND UNTRUSTED ANSWER `)) throw new Error(`unexpected answer: ${sent.stdout}`);
      const bare = ok(runTimed(process.execPath, ['-e', '0'], { env }), 'node -e 0');
      if (i >= 3) {
        ours.push(sent.ms);
        floor.push(bare.ms);
      }
    }
    return { ours, floor };
  } finally {
    await stop([daemon]);
    rmSync(root, { recursive: true, force: true });
  }
}

async function pollingRoundTrips(count: number): Promise<number[]> {
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-poll-'));
  const inbox = join(root, 'inbox');
  const outbox = join(root, 'outbox');
  const stopFile = join(root, 'stop');
  const { mkdirSync, writeFileSync, readFileSync, unlinkSync } = await import('node:fs');
  mkdirSync(inbox, { recursive: true });
  const child = spawn(process.execPath, ['-e', POLLING_RESPONDER, inbox, outbox, stopFile], { stdio: 'ignore' });
  try {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const name = `msg-${i}.hw`;
      const t0 = process.hrtime.bigint();
      writeFileSync(join(inbox, name), `# From: bench\n\nping ${i}\n`);
      for (;;) {
        try {
          readFileSync(join(outbox, name));
          unlinkSync(join(outbox, name));
          break;
        } catch {
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return times;
  } finally {
    writeFileSync(stopFile, '');
    await new Promise((r) => child.once('exit', r));
    rmSync(root, { recursive: true, force: true });
  }
}

async function throughput(consumers: number): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-tp-'));
  try {
    for (let i = 0; i < THROUGHPUT_MESSAGES; i++) await sendMessage({ root, to: 'sink', from: 'bench', body: `m${i}` });
    const outbox = receiverPaths(root, 'sink').outbox;
    const t0 = Date.now();
    const daemons = Array.from({ length: consumers }, () => startDaemon(root, 'sink'));
    try {
      while (countIn(outbox) < THROUGHPUT_MESSAGES) {
        if (Date.now() - t0 > 120_000) throw new Error('throughput run did not finish in 120 s');
        await new Promise((r) => setTimeout(r, 5));
      }
      return THROUGHPUT_MESSAGES / ((Date.now() - t0) / 1000);
    } finally {
      await stop(daemons);
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function pollingThroughput(consumers: number): Promise<number> {
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-tpoll-'));
  const inbox = join(root, 'inbox');
  const outbox = join(root, 'outbox');
  const stopFile = join(root, 'stop');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  mkdirSync(inbox, { recursive: true });
  mkdirSync(outbox, { recursive: true });
  for (let i = 0; i < THROUGHPUT_MESSAGES; i++) writeFileSync(join(inbox, `msg-${i}.hw`), `# From: bench\n\nm${i}\n`);
  const t0 = Date.now();
  const children = Array.from({ length: consumers }, () => spawn(process.execPath, ['-e', POLLING_RESPONDER, inbox, outbox, stopFile], { stdio: 'ignore' }));
  try {
    // Racing polling consumers may both answer one message (no claims): count distinct answers.
    while (countIn(outbox) < THROUGHPUT_MESSAGES && readdirSync(inbox).length > 0) {
      if (Date.now() - t0 > 120_000) throw new Error('polling throughput run did not finish in 120 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    return countIn(outbox) / ((Date.now() - t0) / 1000);
  } finally {
    writeFileSync(stopFile, '');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    rmSync(root, { recursive: true, force: true });
  }
}

function countIn(dir: string): number {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

export async function benchBus(): Promise<BenchRow[]> {
  if (!existsSync(distPath('dispatch'))) throw new Error(`${distPath('dispatch')} is missing: run 'npm run build' first`);
  const ours = await roundTrips();
  const base = await pollingRoundTrips(30);
  const rows: BenchRow[] = [];
  const p50 = median(ours);
  const p95 = percentile(ours, 95);
  const note =
    'sender: the library in-process (sendMessage + waitForResponse); responder: a real `dispatch serve --agent echo` process; baseline: a responder and a sender polling every 100 ms';
  rows.push({
    ...row({
      area: 'bus',
      name: `send --wait round trip p50 (${ROUND_TRIPS} msgs)`,
      ours: p50,
      baselineName: 'polling loop at 100 ms, p50',
      baseline: median(base),
      target: 'p50 < 20 ms',
    }),
    met: p50 < 20,
    note,
  });
  rows.push({
    ...row({
      area: 'bus',
      name: `send --wait round trip p95 (${ROUND_TRIPS} msgs)`,
      ours: p95,
      baselineName: 'polling loop at 100 ms, p95',
      baseline: percentile(base, 95),
      target: 'informational',
    }),
    met: true,
  });
  const cli = await cliRoundTrips();
  rows.push(
    row({
      area: 'bus',
      name: `dispatch send --wait from the command line, p50 (${CLI_ROUND_TRIPS} runs)`,
      ours: median(cli.ours),
      baselineName: 'node -e 0',
      baseline: median(cli.floor),
      target: `<= ${CLI_TARGET}x`,
      maxRatio: CLI_TARGET,
      note: 'a whole process: bundle start-up, delivery, the echo daemon answering, the answer collected; interleaved with node -e 0',
    }),
  );
  for (const consumers of [1, 4]) {
    const tp = await throughput(consumers);
    const tpBase = await pollingThroughput(consumers);
    rows.push({
      ...row({
        area: 'bus',
        name: `throughput, ${consumers} echo daemon${consumers > 1 ? 's' : ''} (${THROUGHPUT_MESSAGES} msgs)`,
        ours: tp,
        baselineName: `polling loop at 100 ms x${consumers}, no claims`,
        baseline: tpBase,
        target: consumers === 4 ? '> 500 msg/s' : 'informational',
        unit: 'msg/s',
      }),
      met: consumers === 4 ? tp > 500 : true,
      note:
        consumers === 4
          ? 'time from starting the daemon processes (start-up included) until all answers are in the outbox; ours claims, fsyncs and archives every message, the baseline neither claims nor syncs'
          : undefined,
    });
  }
  return rows.map((r) => (r.note === undefined ? (({ note: _n, ...rest }) => rest)(r) : r));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows(await benchBus());
}
