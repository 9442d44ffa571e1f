/**
 * Names Windows cannot hold as they are: a `:` writes a hidden data stream of another file, a
 * device name (CON, NUL, COM1 …) opens the device, a trailing dot or space is dropped. A receiver
 * on Windows refuses such a package before it writes anything; a sender anywhere hears about it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { windowsNameReason } from '../../scripts/lib/fs/windows-names.ts';
import { unsafePathReason } from '../../scripts/lib/package/safe-path.ts';
import { aliveInProcess } from '../support/alive-in-process.ts';
import { manifestOf, manifestPaths, rmrf, sandboxEnv, tempRoot, writeTree } from './helpers.ts';

describe('windowsNameReason', () => {
  it.each(['notes/plan.md', 'con-notes.md', 'console.md', 'com10.md', 'lpt.md', 'nullable/a.md', 'a.b.c', '.hidden', 'caf\u00e9/\u4e2d\u6587.md'])(
    'good_%s',
    (p) => {
      expect(windowsNameReason(p)).toBeUndefined();
    },
  );

  it.each([
    ['fail_colon_stream', 'notes/log.md:hidden', /':'.*hidden data stream/],
    ['fail_colon_title', 'Meeting: plan.md', /':'/],
    ['fail_question_mark', 'why?.md', /'\?'/],
    ['fail_pipe', 'a|b.md', /'\|'/],
    ['fail_angle', 'a<b>.md', /'<'/],
    ['fail_quote', 'say "hi".md', /'"'/],
    ['fail_star', 'all*.md', /'\*'/],
    ['fail_device_bare', 'notes/NUL', /device/],
    ['fail_device_extension', 'con.md', /device/],
    ['fail_device_spaces_extension', 'COM1 .txt', /device/],
    ['fail_device_superscript', 'lpt\u00b9.md', /device/],
    ['fail_device_console_input', 'CONIN$', /device/],
    ['fail_device_folder', 'aux/notes.md', /device/],
    ['fail_trailing_dot', 'notes./a.md', /dot or a space/],
    ['fail_trailing_space', 'log.md ', /dot or a space/],
  ])('%s', (_name, p, why) => {
    expect(windowsNameReason(p)).toMatch(why);
  });

  it('is part of unsafePathReason on Windows only', () => {
    expect(unsafePathReason('notes/a:b.md', 'linux')).toBeUndefined();
    expect(unsafePathReason('notes/a:b.md', 'darwin')).toBeUndefined();
    expect(unsafePathReason('notes/a:b.md', 'win32')).toMatch(/':'/);
    expect(unsafePathReason('notes/ok.md', 'win32')).toBeUndefined();
  });
});

describe('a package with such names', () => {
  let root: string;
  let pkg: string;
  let createStderr: string;
  beforeAll(async () => {
    root = tempRoot('windows-names');
    const walnut = join(root, 'w');
    writeTree(walnut, {
      '_kernel/key.md': '---\ntype: venture\n---\n',
      'notes/Meeting: plan.md': 'agenda\n',
      'notes/nul.md': 'nothing\n',
      'notes/ok.md': 'ok\n',
    });
    pkg = join(root, 'w.walnut');
    const r = await aliveInProcess(['create', '--walnut', walnut, '--scope', 'full', '--output', pkg], sandboxEnv(root));
    expect(r.status, r.stderr).toBe(0);
    createStderr = r.stderr;
  });
  afterAll(() => rmrf(root));

  it('is written, and the sender is told which names a receiver on Windows refuses', () => {
    expect(manifestPaths(manifestOf(pkg))).toEqual(['_kernel/key.md', 'notes/Meeting: plan.md', 'notes/nul.md', 'notes/ok.md']);
    expect(createStderr).toMatch(/2 file names cannot be received on Windows: 'notes\/Meeting: plan\.md' \(has ':'/);
    expect(createStderr).toMatch(/'notes\/nul\.md' \(has a name Windows keeps for a device/);
    expect(createStderr).toMatch(/rename them or add them to \.walnutignore/);
  });

  it('extracts on Linux', async () => {
    const out = join(root, 'out-linux');
    const r = await aliveInProcess(['extract', pkg, '--output', out], sandboxEnv(root));
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'notes', 'Meeting: plan.md'))).toBe(true);
  });

  it('is refused on Windows before anything is written, naming the file and why', async () => {
    const out = join(root, 'out-windows');
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!;
    Object.defineProperty(process, 'platform', { ...platform, value: 'win32' });
    let r: Awaited<ReturnType<typeof aliveInProcess>>;
    try {
      r = await aliveInProcess(['extract', pkg, '--output', out, '--json'], sandboxEnv(root));
    } finally {
      Object.defineProperty(process, 'platform', platform);
    }
    expect(r.status, r.stderr).toBe(1);
    const failure = JSON.parse(r.stdout);
    expect(failure.error.code).toBe('unsafe_path');
    // The name holds a space, so it is not quoted in our words: it is the sender's text, fenced.
    expect(failure.error.message).toMatch(/files\[\d+\] path \(its file path, the sender's text, follows: untrusted\) .*':'.*hidden data stream/);
    expect(failure.error.untrusted).toEqual({ file_path: 'notes/Meeting: plan.md' });
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });
});
