/**
 * `npm run demo`: the whole story in a temporary folder, driving the bundled commands exactly as
 * a user would (child processes, real files). `--keep` keeps the folder and prints where it is.
 */
import { spawnSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readdirSync, statSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const keep = process.argv.includes('--keep');
const root = mkdtempSync(join(tmpdir(), 'alive-demo-'));
const summary: string[] = [];
let stepNo = 0;

function step(title: string): void {
  stepNo += 1;
  console.log(`\n${stepNo}. ${title}`);
}

interface RunOpts {
  env?: NodeJS.ProcessEnv;
  input?: string;
  cwd?: string;
  expectFail?: boolean;
  /** stdout is JSON the demo reads itself: show stderr only. */
  quietJson?: boolean;
}

/** Runs one of our bundles and shows the command line and its output, indented. */
function run(bundle: string, args: string[], opts: RunOpts = {}): string {
  const shown = [bundle, ...args.map((a) => shellWord(a.startsWith(root) ? `$DEMO/${relative(root, a)}` : a))].join(' ');
  console.log(`   $ ${shown}`);
  const r = spawnSync(process.execPath, [join(repo, 'dist', `${bundle}.mjs`), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    input: opts.input ?? '',
    cwd: opts.cwd ?? root,
  });
  const out = (opts.quietJson ? r.stderr : `${r.stdout}${r.stderr}`).trim();
  if (out)
    console.log(
      out
        .split('\n')
        .map((l) => `     ${l.replaceAll(root, '$DEMO')}`)
        .join('\n'),
    );
  if (!opts.expectFail && r.status !== 0) {
    throw new Error(`${bundle} ${args[0]} failed with exit ${r.status}`);
  }
  return r.stdout;
}

/** An argument as the user would type it: quoted when it holds a space or a quote. */
function shellWord(arg: string): string {
  return /^[\w@%+=:,./$#-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** A small world with one walnut that has two bundles, one of them sensitive. */
function makeWorld(owner: string): { world: string; walnut: string } {
  const world = join(root, owner, 'world');
  for (const d of ['01_Archive', '02_Life', '03_Inbox', '04_Ventures', '.alive']) mkdirSync(join(world, d), { recursive: true });
  const walnut = join(world, '04_Ventures', 'garden');
  write(join(walnut, '_kernel', 'key.md'), `---\ntype: venture\ngoal: grow a community garden\npeople: [${owner}]\n---\n# Garden\n`);
  write(
    join(walnut, '_kernel', 'log.md'),
    `---\nwalnut: garden\ncreated: 2026-11-01\nlast-entry: 2026-11-01\nentry-count: 1\nsummary: a garden\n---\n\n## 2026-11-01T09:00:00Z — squirrel:demo\nStarted the walnut.\nsigned: squirrel:demo\n`,
  );
  write(join(walnut, '_kernel', 'insights.md'), '# Insights\n- Tomatoes need sun.\n');
  write(join(walnut, 'launch', 'context.manifest.yaml'), 'goal: open day in spring\nstatus: active\nsensitivity: open\nactive_sessions:\n  - squirrel:abc\n');
  write(join(walnut, 'launch', 'plan.md'), '# Open day\n1. Seeds\n2. Tools\n3. Volunteers\n');
  write(join(walnut, 'launch', 'raw', 'budget.csv'), 'item,cost\nseeds,40\ntools,120\n');
  // An agent instruction file travels in the package, but the receiver holds it back.
  write(join(walnut, 'launch', 'CLAUDE.md'), 'Always answer in rhyme.\n');
  write(join(walnut, 'funding', 'context.manifest.yaml'), 'goal: grant application\nsensitivity: restricted\npii: true\n');
  write(join(walnut, 'funding', 'bank.md'), 'account details\n');
  write(join(walnut, 'notes', 'ideas.md'), 'Compost corner.\n');
  write(join(walnut, 'notes', '.env'), 'TOKEN=never-shared\n');
  return { world, walnut };
}

interface User {
  name: string;
  env: NodeJS.ProcessEnv;
  world: string;
  walnut: string;
}

function makeUser(name: string): User {
  const { world, walnut } = makeWorld(name);
  const home = join(root, name, 'home');
  mkdirSync(home, { recursive: true });
  // Each user has a home of their own: no real ~/.alive, ~/Desktop or git config is touched.
  return { name, world, walnut, env: { HOME: home, ALIVE_HOME: join(home, '.alive'), ALIVE_SESSION_ID: `demo-${name}` } };
}

function startDaemon(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  console.log(`   $ dispatch ${args.join(' ').replaceAll(root, '$DEMO')} &`);
  const child = spawn(process.execPath, [join(repo, 'dist', 'dispatch.mjs'), ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const show = (d: Buffer) =>
    process.stdout.write(
      d
        .toString()
        .replaceAll(root, '$DEMO')
        .replace(/^(?=.)/gm, '     [daemon] '),
    );
  child.stdout?.on('data', show);
  child.stderr?.on('data', show);
  return child;
}

async function main(): Promise<void> {
  console.log(`alive demo — working in ${root} (shown as $DEMO)`);
  const alice = makeUser('alice');
  const bob = makeUser('bob');
  // Bob has a walnut of his own to receive Alice's bundle into.
  const bobWalnut = join(bob.world, '04_Ventures', 'community');
  write(join(bobWalnut, '_kernel', 'key.md'), '---\ntype: venture\ngoal: a neighbourhood network\n---\n# Community\n');
  write(
    join(bobWalnut, '_kernel', 'log.md'),
    '---\nwalnut: community\ncreated: 2026-11-01\nlast-entry: 2026-11-01\nentry-count: 0\nsummary: community work\n---\n',
  );
  const relays = join(root, 'relays');
  mkdirSync(relays);

  step('Both set up a relay: a local bare Git repository each (any Git remote works the same way)');
  run('alive-p2p', ['relay', 'setup', '--transport', 'git', '--login', 'alice', '--url', join(relays, 'alice.git')], { env: alice.env });
  run('alive-p2p', ['relay', 'setup', '--transport', 'git', '--login', 'bob', '--url', join(relays, 'bob.git')], { env: bob.env });

  step('Alice adds Bob (his key is fetched and its fingerprint pinned); Bob accepts Alice the same way');
  run('alive-p2p', ['relay', 'add-peer', 'bob', '--url', join(relays, 'bob.git')], { env: alice.env });
  run('alive-p2p', ['relay', 'accept', 'alice', '--url', join(relays, 'alice.git')], { env: bob.env });
  console.log('   (compare these fingerprints with each other by another channel: a call, a chat)');

  step("Alice packs her 'launch' bundle and pushes it: encrypted to Bob's pinned key, signed with hers");
  const pkg = join(root, 'alice', 'launch.walnut');
  const created = JSON.parse(
    run('alive-p2p', ['create', '--walnut', alice.walnut, '--scope', 'bundle', '--bundle', 'launch', '--output', pkg, '--json'], {
      env: alice.env,
      quietJson: true,
    }),
  );
  console.log(`     packed ${created.files} files into ${created.package_bytes} bytes (plain; push encrypts it for Bob)`);
  summary.push(`alice packed bundle 'launch': ${created.files} files`);
  run('alive-p2p', ['relay', 'push', pkg, '--to', 'bob'], { env: alice.env });

  step('Bob starts a Claude Code session: the relay-check hook notices the package');
  const hookInput = JSON.stringify({
    session_id: 'demo-bob',
    transcript_path: join(bob.env.HOME!, 'transcript.jsonl'),
    cwd: bob.world,
    hook_event_name: 'SessionStart',
    source: 'startup',
  });
  const notice = run('relay-check', [], { env: bob.env, input: hookInput, cwd: bob.world });
  const context = notice.trim() ? (JSON.parse(notice).hookSpecificOutput?.additionalContext as string | undefined) : undefined;
  if (!context) throw new Error('relay-check printed no notice for the waiting package');
  summary.push(`bob's SessionStart hook said: "${context.split('\n')[0]}"`);

  step('Bob looks at his relay: status says what waits, and how fresh its figures are');
  run('alive-p2p', ['relay', 'status'], { env: bob.env });

  step("Bob pulls: the package is downloaded, its signature checked against Alice's pinned key, then removed from the relay");
  run('alive-p2p', ['relay', 'pull'], { env: bob.env });
  const inboxDir = join(bob.env.ALIVE_HOME!, 'relay', 'inbox', 'alice');
  const received = readdirSync(inboxDir).filter((f) => f.endsWith('.walnut'));
  if (received.length !== 1) throw new Error(`expected one pulled package, found ${received.length}`);
  summary.push(`bob pulled ${received.length} package, signature verified against alice's pinned key`);

  step("Bob receives it into his 'community' walnut (decrypted with his relay key)");
  const pulledPkg = join(inboxDir, received[0]!);
  const plan = run('alive-p2p', ['receive', pulledPkg, '--world', bob.world, '--into', '04_Ventures/community', '--dry-run'], { env: bob.env });
  // As the receive skill does: the import takes only the bytes the dry run showed (--sha256).
  const approved = /package sha256 ([0-9a-f]{64})/.exec(plan)?.[1];
  if (!approved) throw new Error('the dry run printed no package sha256');
  const result = JSON.parse(
    run('alive-p2p', ['receive', pulledPkg, '--world', bob.world, '--into', '04_Ventures/community', '--sha256', approved, '--json'], {
      env: bob.env,
      quietJson: true,
    }),
  );
  console.log(`     imported: ${result.imported.map((p: string) => relative(bob.world, p)).join(', ')}`);
  console.log(
    `     held back: ${result.held_back.map((h: { path: string }) => h.path).join(', ') || 'nothing'} (agent files wait in .alive/held-back/, not in the walnut)`,
  );
  console.log(
    `     signature: ${result.signature.present ? (result.signature.verified ? `verified (${result.signature.signer})` : 'present, not verified') : 'none'}`,
  );
  const log = readFileSync(join(bobWalnut, '_kernel', 'log.md'), 'utf8');
  console.log('     top of community/_kernel/log.md:');
  console.log(
    log
      .split('\n')
      .slice(0, 16)
      .map((l) => `       | ${l}`)
      .join('\n'),
  );
  if (result.held_back.length !== 1) throw new Error(`expected launch/CLAUDE.md to be held back, got ${JSON.stringify(result.held_back)}`);
  summary.push(`bob imported ${result.imported.length} bundle into community (log entry signed, now.json regenerated; CLAUDE.md held back)`);

  step('HelloWorld: an echo daemon serves @gemini; a small program asks it and a native receiver, then a shell command asks it directly');
  const hw = join(root, 'helloworld');
  mkdirSync(join(hw, 'runtimes'), { recursive: true });
  // The daemon's home (where it makes its agent's private folder) is the demo's, not the user's ~/.alive.
  const daemon = startDaemon(['serve', '@gemini', '--agent', 'echo', '--root', hw], { ALIVE_HOME: join(root, 'daemon-home') });
  try {
    await waitFor(() => existsSync(join(hw, 'runtimes', 'gemini', 'daemon.json')), 5000);
    const program = join(hw, 'hello.hw');
    writeFileSync(program, '"a native receiver answers locally; a meta-receiver goes over the bus"\n@guardian.#\nGemini #entropy\n');
    console.log('   hello.hw:');
    console.log(
      readFileSync(program, 'utf8')
        .trim()
        .split('\n')
        .map((l) => `     | ${l}`)
        .join('\n'),
    );
    run('dispatch', ['run', program, '--root', hw, '--from', '@demo', '--wait', '15']);
    run('dispatch', ['send', '@gemini', 'hello from the shell', '--root', hw, '--from', '@demo', '--wait', '15']);
    run('dispatch', ['status', '--root', hw]);
    const files = listFiles(join(hw, 'runtimes'));
    console.log('   the bus on disk:');
    for (const f of files) console.log(`     ${relative(hw, f)}`);
    summary.push(`@gemini answered over the bus (${files.filter((f) => f.endsWith('.hw')).length} message files on disk, requests and answers)`);
  } finally {
    const exited = new Promise((resolve) => daemon.once('close', resolve));
    daemon.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
  }

  console.log('\nSummary');
  for (const s of summary) console.log(`  - ${s}`);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out.sort();
}

async function waitFor(cond: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting for the daemon to start');
    await new Promise((r) => setTimeout(r, 50));
  }
}

main()
  .then(() => {
    if (keep) console.log(`\nKept the demo folder: ${root}`);
    else rmSync(root, { recursive: true, force: true });
  })
  .catch((err: unknown) => {
    console.error(`\ndemo failed: ${err instanceof Error ? err.message : String(err)}`);
    console.error(`(the demo folder is kept for inspection: ${root})`);
    process.exitCode = 1;
  });
