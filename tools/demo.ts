/**
 * `npm run demo`: the whole story in a temporary folder, driving the bundled commands exactly as
 * a user would (child processes, real files). `--keep` keeps the folder and prints where it is.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync, readdirSync, statSync } from 'node:fs';
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
}

/** Runs one of our bundles and shows the command line and its output, indented. */
function run(bundle: string, args: string[], opts: RunOpts = {}): string {
  const shown = [bundle, ...args.map((a) => (a.startsWith(root) ? `$DEMO/${relative(root, a)}` : a))].join(' ');
  console.log(`   $ ${shown}`);
  const r = spawnSync(process.execPath, [join(repo, 'dist', `${bundle}.mjs`), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...opts.env },
    input: opts.input ?? '',
    cwd: opts.cwd ?? root,
  });
  const out = `${r.stdout}${r.stderr}`.trim();
  if (out) console.log(out.split('\n').map((l) => `     ${l}`).join('\n'));
  if (!opts.expectFail && r.status !== 0) {
    throw new Error(`${bundle} ${args[0]} failed with exit ${r.status}`);
  }
  return r.stdout;
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function countFiles(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir)) {
    const p = join(dir, e);
    n += statSync(p).isDirectory() ? countFiles(p) : 1;
  }
  return n;
}

/** A small world with one walnut that has two bundles, one of them sensitive. */
function makeWorld(owner: string): { world: string; walnut: string } {
  const world = join(root, owner, 'world');
  for (const d of ['01_Archive', '02_Life', '03_Inbox', '04_Ventures', '.alive']) mkdirSync(join(world, d), { recursive: true });
  const walnut = join(world, '04_Ventures', 'garden');
  write(join(walnut, '_kernel', 'key.md'), `---\ntype: venture\ngoal: grow a community garden\npeople: [${owner}]\n---\n# Garden\n`);
  write(join(walnut, '_kernel', 'log.md'), `---\nwalnut: garden\ncreated: 2026-11-01\nlast-entry: 2026-11-01\nentry-count: 1\nsummary: a garden\n---\n\n## 2026-11-01T09:00:00Z — squirrel:demo\nStarted the walnut.\nsigned: squirrel:demo\n`);
  write(join(walnut, '_kernel', 'insights.md'), '# Insights\n- Tomatoes need sun.\n');
  write(join(walnut, 'launch', 'context.manifest.yaml'), 'goal: open day in spring\nstatus: active\nsensitivity: open\nactive_sessions:\n  - squirrel:abc\n');
  write(join(walnut, 'launch', 'plan.md'), '# Open day\n1. Seeds\n2. Tools\n3. Volunteers\n');
  write(join(walnut, 'launch', 'raw', 'budget.csv'), 'item,cost\nseeds,40\ntools,120\n');
  write(join(walnut, 'funding', 'context.manifest.yaml'), 'goal: grant application\nsensitivity: restricted\npii: true\n');
  write(join(walnut, 'funding', 'bank.md'), 'account details\n');
  write(join(walnut, 'notes', 'ideas.md'), 'Compost corner.\n');
  write(join(walnut, 'notes', '.env'), 'TOKEN=never-shared\n');
  return { world, walnut };
}

async function main(): Promise<void> {
  console.log(`alive demo — working in ${root}`);
  const alice = makeWorld('alice');

  step('Alice packs her whole walnut (the restricted bundle is held back, .env is never packed)');
  const full = join(root, 'alice', 'garden-full.walnut');
  const created = JSON.parse(run('alive-p2p', ['create', '--walnut', alice.walnut, '--scope', 'full', '--output', full, '--json']));
  summary.push(`packed ${created.files} files into ${created.bytes} bytes (held back: ${created.held_back.join(', ') || 'none'})`);

  step('Anyone can read the manifest without unpacking');
  run('alive-p2p', ['info', full]);

  step('Verify every file against its SHA-256 in the manifest');
  run('alive-p2p', ['verify', full]);

  step('Extract into a new folder (checked before anything appears)');
  const out = join(root, 'alice', 'extracted');
  run('alive-p2p', ['extract', full, '--output', out]);
  summary.push(`extracted ${countFiles(out)} files, all checksums matching`);

  step('A second extract into the same folder is refused, and nothing changes');
  run('alive-p2p', ['extract', full, '--output', out], { expectFail: true });

  console.log('\nSummary');
  for (const s of summary) console.log(`  - ${s}`);
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
