/**
 * log-guardian on Edit calls it cannot reproduce (issue 11): inside a guarded log, an edit whose
 * old_string is not found verbatim (after the Edit tool's own line-end and quote matching) is
 * denied with a reason telling the agent to read the file again. Table rows of decide() inputs
 * and outputs against a real world on disk.
 */
import { spawnSync } from 'node:child_process';
import { describe, it, expect, beforeAll } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decide } from '../../scripts/lib/guardian/decide.ts';
import { guardianCall } from '../../scripts/lib/hook/input.ts';
import { childModules } from '../support/child-modules.ts';

const LOG = `---
walnut: garden
---

## 2024-03-01 — squirrel:s3
Planted “tomatoes”.
signed: squirrel:s3

## 2024-01-01 — draft
Unsigned note.
`;

let world: string;
let log: string;
let plain: string;
let home: string;

beforeAll(() => {
  const base = realpathSync(mkdtempSync(join(tmpdir(), 'alive-guardian-edit-')));
  world = join(base, 'world');
  home = join(base, 'home');
  const kernel = join(world, '04_Ventures', 'garden', '_kernel');
  mkdirSync(join(world, '.alive'), { recursive: true });
  mkdirSync(kernel, { recursive: true });
  mkdirSync(join(home, '.alive'), { recursive: true });
  log = join(kernel, 'log.md');
  writeFileSync(log, LOG);
  plain = join(kernel, 'key.md');
  writeFileSync(plain, 'signed: squirrel:s3\n');
});

function edit(file: string, old_string: string, new_string: string) {
  const call = guardianCall({ cwd: world, tool_name: 'Edit', tool_input: { file_path: file, old_string, new_string } })!;
  return decide(call, { HOME: home, ALIVE_HOME: join(home, '.alive') }, world);
}

/** [what, old_string, new_string, 'allow' | pattern of the deny reason] */
const rows: [string, string, string, 'allow' | RegExp][] = [
  ['an old_string that is not in the log', 'no such text', 'x', /read the file again/i],
  ['an escaped form of a signed line', 'signed:\\u0020squirrel:s3', 'x', /read the file again/i],
  ['a signed line with a non-breaking space', 'signed:\u00a0squirrel:s3', 'signed: squirrel:forged', /read the file again/i],
  ['whitespace that differs from the file', 'Unsigned  note.', 'x', /read the file again/i],
  ['an empty old_string on an existing log', '', '# new\n', /read the file again/i],
  ['a MultiEdit-like stale anchor after a signed entry', 'signed: squirrel:s3\n\n## 2024-02-01', 'x', /read the file again/i],
  ['straight quotes where the log has curly ones (the tool matches them)', 'Planted "tomatoes".', 'Planted.', /signed entry/],
  [
    'straight quotes over part of a signed entry with quotes in new_string (the tool rewrites them: cannot be checked)',
    'Planted "tomatoes',
    'Planted \u201dtomatoes',
    /only with its quotes read as straight/,
  ],
  [
    'a prepend anchored on a signed heading, its quotes typed straight (cannot be checked; the reason says how)',
    '---\n\n## 2024-03-01 — squirrel:s3\nPlanted "tomatoes".',
    '---\n\n## 2024-03-02 — squirrel:s4\nWatered "them".\nsigned: squirrel:s4\n\n## 2024-03-01 — squirrel:s3\nPlanted "tomatoes".',
    /Copy old_string from the file exactly, with its curly quotes/,
  ],
  ['an edit of the unsigned entry', 'Unsigned note.', 'Finished note.', 'allow'],
  [
    'a new entry that leaves an HTML comment open above the signed ones (a Markdown view hides them)',
    '---\n\n## 2024-03-01',
    '---\n\n## 2024-03-02 — squirrel:s4\n<!-- draft\nsigned: squirrel:s4\n\n## 2024-03-01',
    /HTML block \(<!--, <pre>, <script>, <style>, <textarea>, <\?, <!X, <!\[CDATA\[\) open above signed entries/,
  ],
  [
    'a backdated entry put between two signed ones (the log is prepend-only)',
    'signed: squirrel:s3',
    'signed: squirrel:s3\n\n## 2024-02-28 — squirrel:s9\nMade up.\nsigned: squirrel:s9',
    /would add an entry below the newest signed entry of the walnut log .*New entries go above the newest one/,
  ],
  [
    'a new entry that leaves a <pre> open above the signed ones (CommonMark runs it to the end of the file)',
    '---\n\n## 2024-03-01',
    '---\n\n## 2024-03-02 — squirrel:s4\n<pre>\nsigned: squirrel:s4\n\n## 2024-03-01',
    /HTML block .* open above signed entries/,
  ],
  [
    'a new entry with a closed code block',
    '---\n\n## 2024-03-01',
    '---\n\n## 2024-03-02 — squirrel:s4\n```sh\nls\n```\nsigned: squirrel:s4\n\n## 2024-03-01',
    'allow',
  ],
];

describe('log-guardian: an Edit it cannot place', () => {
  for (const [what, oldString, newString, expected] of rows) {
    it(`${expected === 'allow' ? 'allows' : 'denies'} ${what}`, () => {
      const d = edit(log, oldString, newString);
      if (expected === 'allow') return expect(d).toEqual({ allow: true });
      expect(d.allow).toBe(false);
      if (!d.allow) expect(d.reason).toMatch(expected);
    });
  }

  it('names the log and says how to add an entry instead', () => {
    const d = edit(log, 'no such text', 'x');
    expect(d.allow).toBe(false);
    if (!d.allow) {
      expect(d.reason).toContain(log);
      expect(d.reason).toMatch(/Read/);
      expect(d.reason).toMatch(/frontmatter/);
    }
  });

  it('leaves files that are not logs to the Edit tool', () => {
    expect(edit(plain, 'no such text', 'x')).toEqual({ allow: true });
  });

  it('keeps the text rule for a log that does not exist yet', () => {
    const missing = join(world, '04_Ventures', 'garden', 'log.md');
    expect(edit(missing, 'signed: squirrel:a', 'b').allow).toBe(false);
    expect(edit(missing, '', '# new log\n')).toEqual({ allow: true });
  });
});

describe('log-guardian on a log.md that is not a regular file', () => {
  const bundled = childModules();

  it('denies an Edit of a FIFO named log.md as unreadable, at once, instead of waiting for a writer', async () => {
    const fifoWorld = join(realpathSync(mkdtempSync(join(tmpdir(), 'alive-guardian-fifo-'))), 'world');
    const kernel = join(fifoWorld, '04_Ventures', 'garden', '_kernel');
    mkdirSync(join(fifoWorld, '.alive'), { recursive: true });
    mkdirSync(kernel, { recursive: true });
    expect(spawnSync('mkfifo', [join(kernel, 'log.md')]).status).toBe(0);
    const input = { cwd: fifoWorld, tool_name: 'Edit', tool_input: { file_path: join(kernel, 'log.md'), old_string: 'a', new_string: 'b' } };
    // In a child with a deadline: reading the FIFO would wait for a writer that never comes.
    const [decideJs, inputJs] = await Promise.all([bundled('scripts/lib/guardian/decide.ts'), bundled('scripts/lib/hook/input.ts')]);
    const r = spawnSync(
      process.execPath,
      [
        '-e',
        `Promise.all([import(${JSON.stringify(decideJs)}), import(${JSON.stringify(inputJs)})]).then(([{ decide }, { guardianCall }]) => {
          process.stdout.write(JSON.stringify(decide(guardianCall(${JSON.stringify(input)}), { HOME: '/nonexistent' }, '/')));
        })`,
      ],
      { cwd: fileURLToPath(new URL('../..', import.meta.url)), encoding: 'utf8', timeout: 15_000 },
    );
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.stdout)).toMatchObject({ allow: false, reason: expect.stringMatching(/cannot read the walnut log/) });
  });
});
