import { printJson, printLine } from '../../cli/main.ts';
import { parseCommandArgs } from '../../cli/args.ts';
import { runtimesDir } from '../layout.ts';
import { busStatus } from '../status.ts';
import { busRoot, ROOT_OPTION } from './common.ts';

const USAGE = `usage: dispatch status [--json] [--root DIR]

Shows every receiver under <root>/runtimes/: messages waiting, being handled (and how many of those
claims ran out), answers not yet collected, dead letters, archived messages, and whether a daemon
is serving it.`;

export async function runStatus(argv: string[]): Promise<0 | 1 | 2> {
  const { values } = parseCommandArgs<{ json?: boolean; root?: string }>(
    argv,
    { json: { type: 'boolean' }, ...ROOT_OPTION },
    { usage: USAGE, positionals: { min: 0, max: 0 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const root = busRoot(values.root);
  const { receivers } = busStatus(root);
  if (values.json) {
    printJson({ root, receivers });
    return 0;
  }
  if (receivers.length === 0) {
    printLine(`no receivers under ${runtimesDir(root)}`);
    return 0;
  }
  printLine(`bus at ${runtimesDir(root)}`);
  for (const r of receivers) {
    const daemon = r.daemon ? (r.daemon.alive ? `served by pid ${r.daemon.pid} (${r.daemon.agent})` : `daemon pid ${r.daemon.pid} is gone`) : 'not served';
    printLine(
      `  ${r.receiver.padEnd(16)} inbox ${r.inbox}, processing ${r.processing}${r.stale_claims ? ` (${r.stale_claims} stale)` : ''}, outbox ${r.outbox}, dead-letter ${r.dead_letter}, archived ${r.archived}; ${daemon}`,
    );
  }
  return 0;
}
