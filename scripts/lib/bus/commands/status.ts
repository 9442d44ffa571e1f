import { defineCommand } from '../../cli/command.ts';
import { runtimesDir } from '../layout.ts';
import { busStatus } from '../status.ts';
import { busRoot, ROOT_OPTION } from './common.ts';
import { fencedLines } from '../../text/fence.ts';
import { inlineText } from '../../text/untrusted.ts';

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
    const { receivers } = busStatus(root);
    if (ctx.json) {
      ctx.printJson({ ok: true, root, receivers });
      return;
    }
    if (receivers.length === 0) {
      ctx.print(`no receivers under ${inlineText(runtimesDir(root), 1000)}`);
      return;
    }
    // The bus folder's path may hold any name (an unpacked folder's): one escaped line.
    ctx.print(`bus at ${inlineText(runtimesDir(root), 1000)}`);
    const agents: string[] = [];
    for (const r of receivers) {
      const daemon = r.daemon ? (r.daemon.alive ? `served by pid ${r.daemon.pid}` : `daemon pid ${r.daemon.pid} is gone`) : 'not served';
      if (r.daemon?.alive) agents.push(`${r.receiver}: ${r.daemon.agent}`);
      ctx.print(
        `  ${r.receiver.padEnd(16)} inbox ${r.inbox}, processing ${r.processing}${r.stale_claims ? ` (${r.stale_claims} stale)` : ''}, outbox ${r.outbox}, dead-letter ${r.dead_letter}, archived ${r.archived}; ${daemon}`,
      );
      for (const problem of r.problems) ctx.warn(problem);
    }
    // A daemon record lies in the bus folder, which any writer can write: its agent text is theirs.
    if (agents.length > 0) {
      ctx.print("the agents the daemons' records name (untrusted text: any bus writer can write a record; it ends at the END line with the same number):");
      for (const line of fencedLines('UNTRUSTED DAEMON AGENTS', agents.join('\n'))) ctx.print(line);
    }
  },
});
