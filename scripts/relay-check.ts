import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { relayCheckBudgetMs } from './lib/hook/budget.ts';
import { emitJson, parseJson, readStdin, runHook } from './lib/hook/io.ts';
import { sessionStartInput } from './lib/hook/input.ts';
import { collectNotices, type NamedProducer } from './lib/hook/notices.ts';
import { sessionStartContext } from './lib/hook/output.ts';
import { relayNotice } from './lib/hook/relay-notice.ts';
import { busNotice } from './lib/hook/bus-notice.ts';
import { receiveNotice } from './lib/hook/receive-notice.ts';

const USAGE = `usage: relay-check < SessionStart-hook-JSON

Claude Code SessionStart hook. Inside an ALIVE world with a relay configured, refreshes the relay
state at most every 10 minutes (running relay-probe within a time budget) and, when packages are
waiting, pulled packages wait to be received into the world, or a peer newly accepted an
invitation, prints the SessionStart JSON whose additionalContext tells the session. Also tells it when HelloWorld messages wait for @claude in
the session folder's bus. Silent otherwise; always exits 0.

Environment: ALIVE_HOME (default ~/.alive); ALIVE_RELAY_CHECK_BUDGET_MS (default 7000, at most
9000: the hook's timeout is 10 s); ALIVE_DEBUG=1 says on stderr why it stays silent.`;

/**
 * The SessionStart notices, in the order they appear in the context: the relay's waiting
 * packages, imports into the world a receive left unfinished, then HelloWorld messages waiting
 * for @claude. Producers stay cheap when they have
 * nothing to say.
 */
const NOTICES: NamedProducer[] = [
  { name: 'relay', produce: relayNotice },
  { name: 'receive', produce: receiveNotice },
  { name: 'bus', produce: busNotice },
];

/** ALIVE_DEBUG=1: why each notice stays silent, on stderr (Claude Code shows hook stderr in debug mode). */
const debug = process.env.ALIVE_DEBUG === '1' ? (line: string) => process.stderr.write(`relay-check: ${line}\n`) : undefined;

runHook(USAGE, async () => {
  const deadline = Date.now() + relayCheckBudgetMs(process.env);
  let cwd: Promise<string> | undefined;
  const sessionCwd = () =>
    (cwd ??= readStdin({ maxBytes: 1024 * 1024, timeoutMs: 1000, alwaysAsync: true }).then(
      (stdin) => sessionStartInput(stdin.ok ? parseJson(stdin.text) : undefined).cwd ?? process.cwd(),
    ));
  const notices = await collectNotices(
    NOTICES,
    {
      sessionCwd,
      env: process.env,
      deadline,
      // Read only when relay-probe runs: import.meta costs start-up on the fast path.
      get distDir() {
        return dirname(fileURLToPath(import.meta.url));
      },
      now: Date.now,
    },
    debug,
  );
  if (notices.length > 0) emitJson(sessionStartContext(notices.join('\n\n')));
});
