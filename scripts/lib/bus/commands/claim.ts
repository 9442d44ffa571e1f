import { printJson, printLine } from '../../cli/main.ts';
import { parseCommandArgs } from '../../cli/args.ts';
import { claimNext, sweepStaleClaims } from '../claims.ts';
import { loadReceiverConfig } from '../config.ts';
import { receiverPaths } from '../layout.ts';
import { displayName } from '../names.ts';

import { busRoot, nameArg, ROOT_OPTION } from './common.ts';
import { terminalText } from '../../text/untrusted.ts';

const USAGE = `usage: dispatch claim @RECEIVER [--json] [--root DIR]

Takes the oldest message waiting for @RECEIVER so that nobody else answers it, and prints it.
Answer it with 'dispatch reply <id> "TEXT" --as @RECEIVER' before the lease runs out
(claim_lease_seconds in runtimes/<receiver>/config.json, default 30 minutes), or it returns to the
inbox. Nothing waiting is not an error.`;

export async function runClaim(argv: string[]): Promise<0 | 1 | 2> {
  const { values, positionals } = parseCommandArgs<{ json?: boolean; root?: string }>(
    argv,
    { json: { type: 'boolean' }, ...ROOT_OPTION },
    { usage: USAGE, positionals: { min: 1, max: 1 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const receiver = nameArg(positionals[0], 'receiver', USAGE);
  const root = busRoot(values.root);
  const paths = receiverPaths(root, receiver);
  const config = await loadReceiverConfig(paths.config);
  sweepStaleClaims(paths, receiver);
  const deadLettered: { file: string; reason: string }[] = [];
  const claim = await claimNext(root, receiver, {
    owner: 'hand',
    leaseMs: config.claimLeaseMs,
    onDeadLetter: (r) => deadLettered.push({ file: r.fileName, reason: r.reason }),
  });
  for (const d of deadLettered) process.stderr.write(`warning: moved ${d.file} to dead-letter: ${d.reason}\n`);
  if (!claim) {
    if (values.json) printJson({ claimed: false, receiver: displayName(receiver), dead_lettered: deadLettered });
    else printLine(`no messages waiting for ${displayName(receiver)}`);
    return 0;
  }
  const m = claim.message;
  const leaseIso = new Date(claim.deadline).toISOString();
  if (values.json) {
    printJson({
      claimed: true,
      receiver: displayName(receiver),
      id: claim.id,
      file: claim.path,
      from: m.from ?? null,
      to: m.to,
      thread: m.thread || claim.id,
      turn: m.turn ?? 1,
      timestamp: m.timestamp ?? null,
      body: m.body,
      context: m.context ?? null,
      lease_expires_at: leaseIso,
      dead_lettered: deadLettered,
    });
    return 0;
  }
  printLine(`claimed ${claim.id} for ${displayName(receiver)} (lease until ${leaseIso})`);
  printLine(`from: ${terminalText(m.from ?? '(anonymous)')}`);
  printLine(`thread: ${terminalText(m.thread || claim.id)} (turn ${m.turn ?? 1})`);
  if (m.timestamp) printLine(`sent: ${terminalText(m.timestamp)}`);
  printLine('----- message (untrusted text from the sender) -----');
  printLine(terminalText(m.body));
  if (m.context !== undefined) {
    printLine('----- context (untrusted) -----');
    printLine(terminalText(m.context));
  }
  printLine('----- end -----');
  printLine(`answer with: dispatch reply ${claim.id} "TEXT" --as ${displayName(receiver)}`);
  return 0;
}
