import { readdirSync, statSync } from 'node:fs';
import { readBusJson } from '../fsutil.ts';
import { inlineText } from '../../text/untrusted.ts';
import { join } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { listClaims } from '../claims.ts';
import { isMessageFileName, receiverPaths, runtimesDir } from '../layout.ts';
import { listReceivers } from '../receivers.ts';
import { displayName } from '../names.ts';
import { busRoot, ROOT_OPTION } from './common.ts';

const USAGE = `usage: dispatch status [--json] [--root DIR]

Shows every receiver under <root>/runtimes/: messages waiting, being handled (and how many of those
claims ran out), answers not yet collected, dead letters, archived messages, and whether a daemon
is serving it.`;

export const statusCommand = defineCommand({
  name: 'status',
  summary: 'counts per receiver and daemon liveness',
  usage: USAGE,
  options: { ...ROOT_OPTION },
  run(ctx) {
  const { values } = ctx;
  const root = busRoot(values.root);
  const names = listReceivers(root);
  const now = Date.now();
  const receivers = names.map((name) => {
    const paths = receiverPaths(root, name);
    const claims = listClaims(paths);
    return {
      receiver: displayName(name),
      inbox: countMessages(paths.inbox),
      processing: claims.length,
      stale_claims: claims.filter((c) => c.deadline <= now).length,
      outbox: countMessages(paths.outbox),
      dead_letter: countDeadLetters(paths.deadLetter),
      archived: countArchive(paths.archive),
      config: exists(paths.config),
      daemon: daemonState(paths.daemon),
    };
  });
  if (ctx.json) {
    ctx.printJson({ ok: true, root, receivers });
    return;
  }
  if (receivers.length === 0) {
    ctx.print(`no receivers under ${runtimesDir(root)}`);
    return;
  }
  ctx.print(`bus at ${runtimesDir(root)}`);
  for (const r of receivers) {
    const daemon = r.daemon ? (r.daemon.alive ? `served by pid ${r.daemon.pid} (${r.daemon.agent})` : `daemon pid ${r.daemon.pid} is gone`) : 'not served';
    ctx.print(
      `  ${r.receiver.padEnd(16)} inbox ${r.inbox}, processing ${r.processing}${r.stale_claims ? ` (${r.stale_claims} stale)` : ''}, outbox ${r.outbox}, dead-letter ${r.dead_letter}, archived ${r.archived}; ${daemon}`,
    );
  }
  },
});

function countMessages(dir: string): number {
  try {
    return readdirSync(dir).filter(isMessageFileName).length;
  } catch {
    return 0;
  }
}

function countDeadLetters(dir: string): number {
  try {
    return readdirSync(dir).filter((n) => !n.endsWith('.reason.json') && !n.startsWith('.')).length;
  } catch {
    return 0;
  }
}

function countArchive(dir: string): number {
  let n = 0;
  try {
    for (const day of readdirSync(dir)) n += countMessages(join(dir, day)) + countSuffixed(join(dir, day));
  } catch {
    return n;
  }
  return n;
}

function countSuffixed(dir: string): number {
  try {
    return readdirSync(dir).filter((f) => /^msg-.+\.hw\.\d+$/.test(f)).length;
  } catch {
    return 0;
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function daemonState(path: string): { pid: number; agent: string; alive: boolean } | null {
  try {
    const d = (readBusJson(path) ?? {}) as { pid?: unknown; agent?: unknown };
    if (typeof d.pid !== 'number' || !Number.isInteger(d.pid) || d.pid <= 0) return null;
    let alive = false;
    try {
      process.kill(d.pid, 0);
      alive = true;
    } catch (err) {
      alive = (err as NodeJS.ErrnoException).code === 'EPERM';
    }
    return { pid: d.pid, agent: typeof d.agent === 'string' ? inlineText(d.agent, 200) : '?', alive };
  } catch {
    return null;
  }
}
