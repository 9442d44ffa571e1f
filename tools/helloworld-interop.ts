/**
 * Opt-in interop check against the reference HelloWorld (cancelself/HelloWorld); never part of
 * `npm test`, and it needs no network: point HELLOWORLD_REF at a clone or mirror of the reference.
 *
 *   HELLOWORLD_REF=/path/to/HelloWorld npx tsx tools/helloworld-interop.ts
 *
 * 1. Runs the reference's Thread-era agent daemon (agent_daemon.py and src/ at e7684c3, Python 3,
 *    its mock model: no GEMINI_API_KEY) on a scratch bus, and checks that our `dispatch send
 *    --wait` and `dispatch wait` get its answers (it writes no In-Reply-To: the match is by Thread).
 * 2. Loads the reference's real vocabularies (vocabularies/*.hw at its HEAD) and reports any
 *    file our reader refuses.
 * 3. Has HEAD's own message bus (src/message_bus.py) ask @claude, answers it with `dispatch
 *    reply`, and checks that HEAD's receive() gets the answer from the sender's inbox.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from '../scripts/lib/helloworld/vocabulary.ts';

const THREAD_ERA = 'e7684c3';
const ref = process.env.HELLOWORLD_REF;
if (!ref) {
  process.stderr.write('set HELLOWORLD_REF to a clone or mirror of cancelself/HelloWorld\n');
  process.exit(2);
}
const repo = join(import.meta.dirname, '..');
const scratch = mkdtempSync(join(tmpdir(), 'hw-interop-'));
const problems: string[] = [];
const check = (ok: boolean, what: string) => {
  process.stdout.write(`${ok ? 'ok  ' : 'FAIL'} ${what}\n`);
  if (!ok) problems.push(what);
};

function extract(commit: string, paths: string[], dest: string): void {
  const archive = spawnSync('git', ['-C', ref!, 'archive', '--format=tar', commit, ...paths], { maxBuffer: 256 * 1024 * 1024 });
  if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr.toString()}`);
  const untar = spawnSync('tar', ['-x', '-C', dest], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar failed: ${untar.stderr.toString()}`);
}

function dispatch(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'dispatch.ts'), ...args, '--root', scratch], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

try {
  extract(THREAD_ERA, ['agent_daemon.py', 'src'], scratch);
  const daemon = spawn('python3', ['-u', 'agent_daemon.py', 'Gemini'], {
    cwd: scratch,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, PYTHONDONTWRITEBYTECODE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let daemonOut = '';
  daemon.stdout.on('data', (d: Buffer) => (daemonOut += d.toString()));
  daemon.stderr.on('data', (d: Buffer) => (daemonOut += d.toString()));
  try {
    const asked = dispatch(['send', '@gemini', 'Gemini #entropy', '--wait', '20', '--json']);
    const out = JSON.parse(asked.stdout || '{}') as { ok?: boolean; response?: { untrusted?: { body?: string; thread?: string } }; thread?: string };
    check(asked.status === 0 && out.ok === true, `send --wait gets the Thread-era daemon's answer (${asked.stderr.trim() || 'answered'})`);
    check(out.response?.untrusted?.thread === out.thread, 'the answer carries the request thread');
    process.stdout.write(`     answer: ${JSON.stringify(out.response?.untrusted?.body ?? '').slice(0, 120)}\n`);

    const sent = JSON.parse(dispatch(['send', '@gemini', 'Gemini #observe', '--json']).stdout) as { id: string };
    // The reference deletes what it reads: once it took the request, only --receiver says whose
    // outbox to watch (or the answer itself, once it is there).
    const waited = dispatch(['wait', sent.id, '--timeout', '20', '--receiver', '@gemini', '--json']);
    check(waited.status === 0, `wait ID --receiver @gemini picks up an answer sent without --wait (${waited.stderr.trim() || 'answered'})`);
    const again = dispatch(['wait', sent.id, '--json']);
    check(again.status === 0, `wait ID finds that answer again without --receiver (${again.stderr.trim() || 'answered'})`);
    const thread = JSON.parse(dispatch(['thread', sent.id, '--json']).stdout || '{}') as { messages?: { kind?: string }[] };
    check(thread.messages?.some((m) => m.kind === 'response') === true, 'thread lists the answer');
  } finally {
    daemon.kill('SIGINT');
    await new Promise((r) => daemon.once('close', r));
  }
  if (problems.length) process.stdout.write(`daemon output:\n${daemonOut}\n`);

  const vocab = join(scratch, 'head');
  spawnSync('mkdir', ['-p', vocab]);
  extract('HEAD', ['vocabularies'], vocab);
  const registry = Registry.withBuiltins();
  const refused = registry.loadDirectory(vocab, join(vocab, 'vocabularies'));
  const root = refused.filter((p) => p.includes('HelloWorld.hw'));
  check(root.length === 0, `the reference's vocabularies/HelloWorld.hw (## #) loads${root.length ? `: ${root.join('; ')}` : ''}`);
  check(registry.describeForPrompt(['helloworld'])[0]?.includes('#commit') === true, 'its symbols are known (#commit)');
  if (refused.length) process.stdout.write(`     other vocabulary files refused (the reference's own junk files): ${refused.length}\n`);

  // 3. A HEAD runtime (src/message_bus.py at HEAD: From and Timestamp only, no outbox) asks
  //    @claude; the answer written by hand (dispatch reply, as a Claude Code session answers) must
  //    reach it: HEAD reads answers from its own inbox only.
  extract('HEAD', ['src/message_bus.py'], vocab);
  const headBus = (code: string) =>
    spawnSync(
      'python3',
      [
        '-c',
        `import sys; sys.path.insert(0, ${JSON.stringify(join(vocab, 'src'))})\nimport message_bus as mb\nfrom pathlib import Path\nmb.BASE_DIR = Path(${JSON.stringify(join(scratch, 'runtimes'))})\n${code}`,
      ],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, PYTHONDONTWRITEBYTECODE: '1' },
      },
    );
  const asked = headBus("print(mb.send('Copilot', 'Claude', 'Claude, what is the capital of France?'))");
  const headId = asked.stdout.trim().replace(/^msg-/, '');
  const replied = dispatch(['reply', headId, 'Paris', '--as', '@claude', '--json']);
  check(replied.status === 0, `dispatch reply answers a HEAD runtime's message (${replied.stderr.trim() || 'answered'})`);
  const got = headBus("m = mb.receive('Copilot'); print(m.sender if m else None); print(m.content if m else '')");
  const [sender, ...content] = got.stdout.trim().split('\n');
  check(
    sender === '@claude' && content.join('\n') === 'Paris',
    `HEAD's receive('Copilot') gets that answer from its inbox (got ${JSON.stringify(got.stdout.trim() || got.stderr.trim())})`,
  );
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(problems.length ? 1 : 0);
