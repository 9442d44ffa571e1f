/**
 * The contract's conventions for the package commands (cli.md 3, 4): --help, usage errors (exit 2),
 * --json is exactly one object with the contract's fields, errors are one `error:` line, no stack.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { cli, errorLine, makeWalnut, rmrf, sandboxEnv, sha256File, snapshotTree, tempRoot } from './helpers.ts';

let root: string;
let walnut: string;
let pkg: string;

beforeAll(async () => {
  root = tempRoot('cli');
  sandboxEnv(root);
  walnut = makeWalnut(join(root, 'cw'), { 'notes/a.md': 'a\n', 'bundles/b/context.manifest.yaml': 'goal: b\n' });
  pkg = join(root, 'cw.walnut');
  const r = await run(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg]);
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmrf(root));

/**
 * `alive-p2p <args>` in the sandbox: in-process (the command objects the entry routes to) unless
 * `viaBundle`; the group itself (its --help, unknown commands) and one run per kind of output go
 * through the built bundle.
 */
async function run(args: string[], opts: { viaBundle?: boolean; extraEnv?: Record<string, string> } = {}) {
  if (opts.viaBundle) return cli(root, args, opts.extraEnv ? { extraEnv: opts.extraEnv } : {});
  return aliveInProcess(args, sandboxEnv(root, opts.extraEnv));
}

/** Parses stdout as exactly one JSON object (nothing before or after it). */
function oneJsonObject(stdout: string): Record<string, unknown> {
  const value: unknown = JSON.parse(stdout);
  expect(typeof value === 'object' && value !== null && !Array.isArray(value)).toBe(true);
  return value as Record<string, unknown>;
}

describe('--help', () => {
  for (const command of ['create', 'info', 'verify', 'extract']) {
    it(`${command} --help prints its usage and exits 0`, async () => {
      const r = await run([command, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: alive-p2p ${command}`));
      expect(r.stderr).toBe('');
      // --help wins over missing required arguments.
      expect((await run([command, '-h'])).status).toBe(0);
    });
  }
  it('alive-p2p --help lists the package commands', async () => {
    const r = await run(['--help'], { viaBundle: true });
    expect(r.status).toBe(0);
    for (const c of ['create', 'info', 'verify', 'extract']) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
  });
  it('no command is a usage error (exit 2)', async () => {
    expect((await run([], { viaBundle: true })).status).toBe(2);
    const r = await run(['unpack'], { viaBundle: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^error: unknown command 'unpack'/);
  });
});

describe('usage errors exit 2 and name the problem', () => {
  const cases: Array<{ name: string; args: () => string[]; message: RegExp }> = [
    { name: 'create with an unknown flag', args: () => ['create', '--walnut', walnut, '--scope', 'full', '--bogus'], message: /--bogus/ },
    { name: 'create without --walnut', args: () => ['create', '--scope', 'full'], message: /--walnut is required/ },
    { name: 'create without --scope', args: () => ['create', '--walnut', walnut], message: /--scope is required/ },
    { name: 'create with a positional', args: () => ['create', 'extra', '--walnut', walnut, '--scope', 'full'], message: /unexpected argument 'extra'/ },
    {
      name: 'create with a multi-line description',
      args: () => ['create', '--walnut', walnut, '--scope', 'full', '--output', join(root, 'd.walnut'), '--description', 'a\nb'],
      message: /--description must be a single line/,
    },
    { name: 'info with an unknown flag', args: () => ['info', pkg, '--verbose'], message: /--verbose/ },
    { name: 'info without a package', args: () => ['info'], message: /missing PACKAGE/ },
    { name: 'verify with an unknown flag', args: () => ['verify', pkg, '--private'], message: /--private/ },
    { name: 'verify with two packages', args: () => ['verify', pkg, pkg], message: /unexpected argument/ },
    {
      name: 'verify with a bad --max-size',
      args: () => ['verify', pkg, '--max-size', '10XB'],
      message: /--max-size takes a size in bytes, or with a unit \(512M, 2G, 10MB\), got '10XB'/,
    },
    { name: 'verify with --max-size 0', args: () => ['verify', pkg, '--max-size', '0'], message: /--max-size takes a size in bytes/ },
    { name: 'extract without --output', args: () => ['extract', pkg], message: /--output is required/ },
    { name: 'extract with an unknown flag', args: () => ['extract', pkg, '--output', join(root, 'never'), '--force'], message: /--force/ },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const before = snapshotTree(root);
      const r = await run(c.args());
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/^error: /);
      expect(r.stderr.split('\n')[0]).toMatch(c.message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe('');
      expect(snapshotTree(root)).toEqual(before);
    });
  }
});

describe('--json', () => {
  it('create: {path, sha256, scope, files, bytes, encrypted, signed, held_back, skipped, agent_files, private_keys, not_for_windows}', async () => {
    const out = join(root, 'json-create.walnut');
    const r = await run(['create', '--walnut', walnut, '--scope', 'snapshot', '--output', out, '--json'], { viaBundle: true });
    expect(r.status, r.stderr).toBe(0);
    const j = oneJsonObject(r.stdout);
    expect(Object.keys(j).sort()).toEqual([
      'agent_files',
      'bytes',
      'encrypted',
      'envelope',
      'files',
      'held_back',
      'not_for_windows',
      'ok',
      'package_bytes',
      'path',
      'private_keys',
      'scope',
      'sensitive_included',
      'sha256',
      'signed',
      'skipped',
    ]);
    expect(j).toMatchObject({ encrypted: false, envelope: 'plain' });
    expect(j.sha256).toBe(sha256File(out));
    // bytes: the content, as info, verify and receive name it; package_bytes: the file.
    const info = oneJsonObject((await run(['info', out, '--json'])).stdout);
    expect(j.bytes).toBe(info.bytes);
    expect(j.package_bytes).toBe(statSync(out).size);
    expect(j.package_bytes).not.toBe(j.bytes);
  });

  it('verify: {ok, format_version, scope, files, encrypted, signed, signature_ok, problems[]}', async () => {
    const r = await run(['verify', pkg, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = oneJsonObject(r.stdout);
    expect(j).toEqual({
      ok: true,
      format_version: '2.0.0',
      scope: 'full',
      files: 3,
      encrypted: false,
      signed: false,
      signature_ok: null,
      signer: null,
      problems: [],
      path: resolve(pkg),
      envelope: 'plain',
      bytes: expect.any(Number),
    });
    expect(r.stderr).toBe('');
  });

  it('verify of a bad package: exit 1, one JSON object with ok false and the problem, and one error line', async () => {
    const bad = join(root, 'bad.walnut');
    writeFileSync(bad, 'not a package');
    const r = await run(['verify', bad, '--json'], { viaBundle: true });
    expect(r.status).toBe(1);
    const j = oneJsonObject(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.problems).toEqual([expect.stringMatching(/not a \.walnut package/)]);
    expect(j).toMatchObject({ format_version: null, signed: null, signature_ok: null, error: { code: 'bad_archive' } });
    expect(errorLine(r)).toMatch(/not a \.walnut package/);
  });

  it('info: one object describing the manifest', async () => {
    const r = await run(['info', pkg, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = oneJsonObject(r.stdout);
    expect(j).toMatchObject({ format_version: '2.0.0', scope: 'full', files: 3, encrypted: false, signed: false, untrusted: { walnut: 'cw' } });
  });

  it('extract: one object, the verify fields plus output', async () => {
    const out = join(root, 'json-extract');
    const r = await run(['extract', pkg, '--output', out, '--json']);
    expect(r.status, r.stderr).toBe(0);
    const j = oneJsonObject(r.stdout);
    expect(j).toMatchObject({ ok: true, format_version: '2.0.0', scope: 'full', files: 3, output: out });
  });

  it('a refused create with --json still prints one object and one error line', async () => {
    const r = await run(['create', '--walnut', join(root, 'nope'), '--scope', 'full', '--output', join(root, 'n.walnut'), '--json']);
    expect(r.status).toBe(1);
    const j = oneJsonObject(r.stdout);
    expect(j.ok).toBe(false);
    expect(errorLine(r)).toMatch(/does not exist/);
  });
});

describe('small refusals say what to do', () => {
  it('a --bundle without --scope bundle is a usage error with the usage lines; a mistyped --scope gets a guess', async () => {
    const r = await run(['create', '--walnut', walnut, '--scope', 'full', '--bundle', 'b', '--output', join(root, 'u.walnut')]);
    expect(r.status).toBe(2);
    expect(errorLine(r)).toMatch(/--bundle only goes with --scope bundle/);
    expect(r.stderr).toMatch(/^usage: alive-p2p create /m);
    const typo = await run(['create', '--walnut', walnut, '--scope', 'ful']);
    expect(typo.status).toBe(2);
    expect(errorLine(typo)).toMatch(/did you mean '--scope full'\?/);
  });

  it('a missing walnut folder is named in words, not as ENOENT', async () => {
    const r = await run(['create', '--walnut', join(root, 'nope'), '--scope', 'full', '--output', join(root, 'n2.walnut')]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/walnut folder .*nope does not exist; check the --walnut path/);
    expect(errorLine(r)).not.toMatch(/ENOENT/);
  });

  it('a package past the size limit names --max-size where the command has it', async () => {
    for (const argv of [
      ['verify', pkg, '--max-size', '3'],
      ['extract', pkg, '--output', join(root, 'too-large-out'), '--max-size', '3'],
    ]) {
      const r = await run(argv);
      expect(r.status, argv[0]).toBe(1);
      expect(errorLine(r), argv[0]).toMatch(/past the (size )?limit of 3 bytes; if you trust the package, raise the limit with --max-size BYTES/);
    }
  });
});

describe('info reads only the manifest', () => {
  it('shows a package whose content past the manifest is damaged, which verify refuses', async () => {
    const noise = Buffer.alloc(3 << 20);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const w = makeWalnut(join(root, 'infow'), { 'raw/noise.bin': noise });
    const full = join(root, 'info-full.walnut');
    expect((await run(['create', '--walnut', w, '--scope', 'full', '--output', full])).status).toBe(0);
    const cut = join(root, 'info-cut.walnut');
    const bytes = readFileSync(full);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const info = await run(['info', cut, '--json']);
    expect(info.status, info.stderr).toBe(0);
    expect(oneJsonObject(info.stdout)).toMatchObject({
      untrusted: { walnut: 'infow' },
      files: 2,
      bytes: (3 << 20) + readFileSync(join(w, '_kernel/key.md')).length,
    });
    const v = await run(['verify', cut]);
    expect(v.status).toBe(1);
    expect(errorLine(v)).toMatch(/not a complete gzip stream|not a valid tar archive/);
  });
});

describe('extract destinations', () => {
  it('refuses a folder that has anything in it, leaving it as it was', async () => {
    const dest = join(root, 'occupied');
    mkdirSync(dest);
    writeFileSync(join(dest, 'mine.txt'), 'mine');
    const before = snapshotTree(root);
    const r = await run(['extract', pkg, '--output', dest]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/already exists and is not an empty folder/);
    expect(snapshotTree(root)).toEqual(before);
  });

  it('refuses an existing file as destination', async () => {
    const dest = join(root, 'a-file');
    writeFileSync(dest, 'x');
    const r = await run(['extract', pkg, '--output', dest]);
    expect(r.status).toBe(1);
    expect(errorLine(r)).toMatch(/already exists/);
  });

  it('an existing empty folder keeps its mode (a private 0700 folder stays private)', async () => {
    const dest = join(root, 'private-out');
    mkdirSync(dest, { mode: 0o700 });
    chmodSync(dest, 0o700);
    const r = await run(['extract', pkg, '--output', dest]);
    expect(r.status, r.stderr).toBe(0);
    expect(statSync(dest).mode & 0o777).toBe(0o700);
    expect(existsSync(join(dest, 'notes/a.md'))).toBe(true);
  });

  it('a link as destination (to a folder, or dangling) is a clear refusal, writing nothing', async () => {
    mkdirSync(join(root, 'link-target'));
    symlinkSync('link-target', join(root, 'to-folder'));
    symlinkSync('nowhere', join(root, 'dangling'));
    for (const name of ['to-folder', 'dangling']) {
      const r = await run(['extract', pkg, '--output', join(root, name), '--json']);
      expect(r.status, name).toBe(1);
      expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'exists', message: expect.stringMatching(/is a link/) });
    }
    expect(readdirSync(join(root, 'link-target'))).toEqual([]);
  });

  it('creates missing parent folders for a good package', async () => {
    const dest = join(root, 'p1', 'p2', 'dest');
    const r = await run(['extract', pkg, '--output', dest]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(dest, 'notes/a.md'))).toBe(true);
  });

  it('a package path that does not exist is a clear error, for every command that reads one', async () => {
    const missing = join(root, 'missing.walnut');
    for (const argv of [
      ['verify', missing],
      ['info', missing],
      ['extract', missing, '--output', join(root, 'from-missing')],
    ]) {
      const r = await run(argv);
      expect(r.status, argv[0]).toBe(1);
      // In words, not an errno name.
      expect(errorLine(r), argv[0]).toMatch(/.*missing\.walnut does not exist; check the path/);
      expect(errorLine(r), argv[0]).not.toMatch(/ENOENT/);
    }
    expect(existsSync(join(root, 'from-missing'))).toBe(false);
  });

  it('errors carry a stack only with ALIVE_DEBUG=1', async () => {
    const bad = join(root, 'bad2.walnut');
    writeFileSync(bad, 'nope');
    const quiet = await run(['verify', bad], { viaBundle: true });
    expect(quiet.stderr).not.toMatch(/^\s+at /m);
    const loud = await run(['verify', bad], { viaBundle: true, extraEnv: { ALIVE_DEBUG: '1' } });
    expect(loud.status).toBe(1);
    expect(loud.stderr).toMatch(/^\s+at /m);
  });
});
