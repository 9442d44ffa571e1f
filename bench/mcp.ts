/**
 * MCP benchmark: a round trip through a running echo daemon from an MCP client (the SDK's client
 * over stdio, `send` + `wait` tool calls against `dist/dispatch.mjs mcp`), p50 and p95 over 200
 * messages, next to the same round trip made in-process with the bus library (the floor the tools
 * add to) in the same run; the server's start-up (spawn to initialized) next to `node -e 0`; and
 * the server's CPU while idle, next to an idle node process. Run standalone with
 * `npx tsx bench/mcp.ts` (after `npm run build`).
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sendMessage } from '../scripts/lib/bus/deliver.ts';
import { waitForResponse } from '../scripts/lib/bus/responses.ts';
import { benchAliveHome, distPath, median, percentile, printRows, row, runTimed, type BenchRow } from './lib.ts';

const ROUND_TRIPS = 200;
const WARM_UP = 10;
const IDLE_MS = 3000;

function startDaemon(root: string): ChildProcess {
  return spawn(process.execPath, [distPath('dispatch'), 'serve', 'echo', '--agent', 'echo', '--root', root, '--create'], {
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

type ToolJson = { structuredContent?: Record<string, unknown>; isError?: boolean };

async function tool(client: Client, name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = (await client.callTool({ name, arguments: args })) as ToolJson;
  if (r.isError || !r.structuredContent) throw new Error(`${name} failed: ${JSON.stringify(r)}`);
  return r.structuredContent;
}

/** CPU time (ms) a process used so far, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

async function idleCpu(pid: number): Promise<number | undefined> {
  const before = cpuMs(pid);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const after = cpuMs(pid);
  return before === undefined || after === undefined ? undefined : after - before;
}

export async function benchMcp(): Promise<BenchRow[]> {
  for (const name of ['dispatch', 'dispatch-mcp']) {
    if (!existsSync(distPath(name))) throw new Error(`${distPath(name)} is missing: run 'npm run build' first`);
  }
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-mcp-'));
  const daemon = startDaemon(root);
  const idleNode = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
  let client: Client | undefined;
  try {
    await untilServing(daemon);
    const t0 = process.hrtime.bigint();
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [distPath('dispatch'), 'mcp', '--root', root, '--as', '@bench'],
      stderr: 'ignore',
    });
    client = new Client({ name: 'bench', version: '1' });
    await client.connect(transport);
    const startup = Number(process.hrtime.bigint() - t0) / 1e6;
    const nodeStart = median([1, 2, 3, 4, 5].map(() => runTimed(process.execPath, ['-e', '0']).ms));

    const ours: number[] = [];
    for (let i = 0; i < ROUND_TRIPS + WARM_UP; i++) {
      const s = process.hrtime.bigint();
      const sent = await tool(client, 'send', { to: 'echo', body: `ping ${i}`, create: true });
      const got = await tool(client, 'wait', { id: sent.id, timeout_s: 10 });
      if (got.status !== 'answered') throw new Error(`no answer to message ${i}: ${JSON.stringify(got)}`);
      if (i >= WARM_UP) ours.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const floor: number[] = [];
    for (let i = 0; i < ROUND_TRIPS + WARM_UP; i++) {
      const s = process.hrtime.bigint();
      const sent = await sendMessage({ root, to: 'echo', from: 'bench', body: `ping ${i}` });
      const r = await waitForResponse(root, 'echo', sent.id, 10_000);
      if (!r.ok) throw new Error(`no answer to library message ${i}`);
      if (i >= WARM_UP) floor.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const serverPid = transport.pid!;
    const [idleOurs, idleBase] = await Promise.all([idleCpu(serverPid), idleCpu(idleNode.pid!)]);

    const p50 = median(ours);
    const p95 = percentile(ours, 95);
    const note =
      'client: the MCP SDK client over stdio (send + wait tool calls) to `dist/dispatch.mjs mcp`; responder: a real `dispatch serve --agent echo`; baseline: the same round trip made in-process with the bus library';
    const rows: BenchRow[] = [
      {
        ...row({
          area: 'mcp',
          name: `send + wait round trip p50 (${ROUND_TRIPS} msgs)`,
          ours: p50,
          baselineName: 'bus library in-process, p50',
          baseline: median(floor),
          target: 'p50 < 10 ms',
        }),
        met: p50 < 10,
        note,
      },
      {
        ...row({
          area: 'mcp',
          name: `send + wait round trip p95 (${ROUND_TRIPS} msgs)`,
          ours: p95,
          baselineName: 'bus library in-process, p95',
          baseline: percentile(floor, 95),
          target: 'p95 < 25 ms',
        }),
        met: p95 < 25,
      },
      {
        ...row({
          area: 'mcp',
          name: 'server start-up (spawn to initialized)',
          ours: startup,
          baselineName: 'node -e 0',
          baseline: nodeStart,
          target: 'informational',
        }),
        met: true,
      },
    ];
    if (idleOurs !== undefined && idleBase !== undefined) {
      rows.push({
        ...row({
          area: 'mcp',
          name: `server CPU while idle (${IDLE_MS / 1000} s)`,
          ours: idleOurs,
          baselineName: 'an idle node process',
          baseline: Math.max(idleBase, 10),
          target: '~0 (< 1% of the time)',
          unit: 'ms CPU',
        }),
        met: idleOurs < IDLE_MS / 100,
        note: 'CPU time from /proc/<pid>/stat (10 ms ticks); the baseline is shown as at least one tick',
      });
    }
    return rows;
  } finally {
    await client?.close().catch(() => undefined);
    for (const c of [daemon, idleNode]) {
      if (c.exitCode === null) {
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        await exited;
      }
    }
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  printRows(await benchMcp());
}
