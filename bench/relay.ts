/**
 * Relay benchmarks (run: `npx tsx bench/relay.ts`, or as the `relay` suite of `npm run bench`).
 * Every row is a ratio against a baseline measured in the same run:
 *  - relay-probe with no relay configured vs `node -e 0` (what the session-start hook pays);
 *  - relay-probe of a git relay with nothing new vs `node -e 0` + `git fetch` of the same relay;
 *  - pull of a 64 MB package: time vs a full `git clone --no-local` of the relay, and peak RSS vs a 4 MB pull
 *    (memory must not grow with package size).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { distPath, median, ok, row, runNode, runShell, runTimed, type BenchRow } from './lib.ts';

function env(root: string, login: string): NodeJS.ProcessEnv {
  const home = join(root, login, 'home');
  mkdirSync(home, { recursive: true });
  return { PATH: process.env.PATH, HOME: home, ALIVE_HOME: join(root, login, 'alive'), GIT_CONFIG_NOSYSTEM: '1', GITHUB_API_URL: 'http://127.0.0.1:9' };
}

function times(n: number, fn: () => number): number {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(fn());
  return median(out);
}

/** A plaintext package of `bytes` random bytes (random data: gzip cannot shrink it). */
function makePackage(root: string, e: NodeJS.ProcessEnv, name: string, bytes: number): string {
  const walnut = join(root, 'w', name);
  mkdirSync(join(walnut, '_kernel'), { recursive: true });
  writeFileSync(join(walnut, '_kernel', 'key.md'), `---\ntype: venture\n---\n# ${name}\n`);
  mkdirSync(join(walnut, 'data'), { recursive: true });
  writeFileSync(join(walnut, 'data', 'blob.bin'), randomBytes(bytes));
  const out = join(root, `${name}.walnut`);
  ok(runTimed(process.execPath, [distPath('alive-p2p'), 'create', '--walnut', walnut, '--scope', 'full', '--output', out], { env: e }), 'create');
  return out;
}

export async function benchRelay(): Promise<BenchRow[]> {
  const root = mkdtempSync(join(tmpdir(), 'alive-bench-relay-'));
  const rows: BenchRow[] = [];
  try {
    const nodeZero = times(7, () => runTimed(process.execPath, ['-e', '0']).ms);
    const none = env(root, 'none');
    const probeNone = times(7, () => ok(runTimed(process.execPath, [distPath('relay-probe')], { env: none }), 'probe').ms);
    rows.push(
      row({
        area: 'relay',
        name: 'relay-probe, no relay configured',
        ours: probeNone,
        baselineName: 'node -e 0',
        baseline: nodeZero,
        target: '<= 2.5x',
        maxRatio: 2.5,
      }),
    );

    const alice = env(root, 'alice');
    const bob = env(root, 'bob');
    const aliceUrl = join(root, 'alice.git');
    const bobUrl = join(root, 'bob.git');
    for (const [e, login, url] of [
      [alice, 'alice', aliceUrl],
      [bob, 'bob', bobUrl],
    ] as const) {
      ok(runTimed(process.execPath, [distPath('alive-p2p'), 'relay', 'setup', '--transport', 'git', '--login', login, '--url', url], { env: e }), 'setup');
    }
    ok(runTimed(process.execPath, [distPath('alive-p2p'), 'relay', 'add-peer', 'bob', '--url', bobUrl], { env: alice }), 'add-peer');
    ok(runTimed(process.execPath, [distPath('alive-p2p'), 'relay', 'accept', 'alice', '--url', aliceUrl], { env: bob }), 'accept');
    ok(runTimed(process.execPath, [distPath('relay-probe')], { env: bob }), 'probe warm-up');
    const probeGit = times(5, () => ok(runTimed(process.execPath, [distPath('relay-probe')], { env: bob }), 'probe').ms);
    const fetchDir = join(root, 'fetch-baseline');
    ok(runShell(`git init -q --bare ${fetchDir} && git -C ${fetchDir} fetch -q ${bobUrl} main`), 'baseline fetch');
    const fetchMs = times(5, () => ok(runShell(`git -C ${fetchDir} fetch -q ${bobUrl} main`), 'fetch').ms);
    rows.push(
      row({
        area: 'relay',
        name: 'relay-probe, git relay, nothing new',
        ours: probeGit,
        baselineName: 'node -e 0 + git fetch',
        baseline: nodeZero + fetchMs,
        target: '<= 3.0x',
        maxRatio: 3,
      }),
    );

    const pull = (bytes: number, name: string) => {
      const pkg = makePackage(root, alice, name, bytes);
      ok(runTimed(process.execPath, [distPath('alive-p2p'), 'relay', 'push', pkg, '--to', 'bob'], { env: alice }), 'push');
      const r = ok(runNode(distPath('alive-p2p'), ['relay', 'pull', '--json'], { env: bob }), 'pull');
      if (!JSON.parse(r.stdout).received?.[0]?.verified) throw new Error('pulled package was not verified');
      return r;
    };
    const small = pull(4 * 1024 * 1024, 'small');
    const big = pull(64 * 1024 * 1024, 'big');
    const cloneDir = join(root, 'clone-baseline');
    const clone = ok(runShell(`git clone -q --bare --no-local ${bobUrl} ${cloneDir}`), 'clone');
    rows.push(
      row({
        area: 'relay',
        name: 'pull 64 MB package (download, decrypt-verify, delete)',
        ours: big.ms,
        baselineName: 'git clone --no-local of the relay (copies the objects)',
        baseline: clone.ms,
        target: 'info',
        peakRssMb: big.peakRssMb,
      }),
    );
    rows.push(
      row({
        area: 'relay',
        name: 'pull peak RSS, 64 MB vs 4 MB package',
        ours: big.peakRssMb ?? Number.NaN,
        baselineName: '4 MB pull',
        baseline: small.peakRssMb ?? Number.NaN,
        unit: 'MB',
        target: '<= 1.5x',
        maxRatio: 1.5,
      }),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printRows } = await import('./lib.ts');
  printRows(await benchRelay());
}
