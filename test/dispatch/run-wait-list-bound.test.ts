/**
 * `dispatch run` and the REPL wait for each answer as `dispatch wait` does, listing at most
 * busListMax names of the responder's outbox and archive (list-bound.ts). A time-out with a folder
 * past the bound said only "no answer": it says, in wait's words (waitUnlistedNote), that the
 * answer may be among the names not listed.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { dispatch, makeBusWithRuntimes, plantEmptyFiles } from './helpers.ts';
import { receiverPaths } from '../../scripts/lib/bus/layout.ts';
import { setBusListMaxForTests } from '../../scripts/lib/bus/list-bound.ts';
import { Session } from '../../scripts/lib/bus/session.ts';

const MAX = 50;
beforeEach(() => setBusListMaxForTests(MAX));

function flooded(n: number): { root: string; base: string } {
  const bus = makeBusWithRuntimes();
  plantEmptyFiles(receiverPaths(bus.root, 'codex').outbox, n);
  return bus;
}

const SAID = "@codex's outbox or archive holds more files than the wait looked through";

describe('run and the REPL timing out with an outbox flooded with file names', () => {
  it('dispatch run says the answer may be among the names not listed (text and --json)', async () => {
    const { root, base } = flooded(120);
    const program = join(base, 'p.hw');
    writeFileSync(program, '@codex hello\n');
    const text = await dispatch(root, ['run', program, '--wait', '0.2']);
    expect(text.stdout).toContain(SAID);
    expect(text.stdout).toContain('may be among the rest');
    const json = await dispatch(root, ['run', program, '--wait', '0.2', '--json']);
    expect(json.stdout).toContain(SAID);
  });

  it('dispatch run --json gives unlisted_files and the note as fields, as wait --json does (the answer and each result)', async () => {
    const { root, base } = flooded(120);
    const program = join(base, 'p.hw');
    writeFileSync(program, '@codex hello\n');
    const out = JSON.parse((await dispatch(root, ['run', program, '--wait', '0.2', '--json'])).stdout) as {
      unlisted_files?: boolean;
      results: { unlisted_files?: boolean; note?: string }[];
    };
    expect(out.unlisted_files).toBe(true);
    expect(out.results[0]!.unlisted_files).toBe(true);
    expect(out.results[0]!.note).toContain(SAID);
    const under = flooded(30);
    const p2 = join(under.base, 'p.hw');
    writeFileSync(p2, '@codex hello\n');
    const quiet = JSON.parse((await dispatch(under.root, ['run', p2, '--wait', '0.2', '--json'])).stdout) as Record<string, unknown>;
    expect(quiet.unlisted_files).toBeUndefined();
    expect(JSON.stringify(quiet.results)).not.toContain('unlisted_files');
  });

  it('a REPL line says so too', async () => {
    const { root } = flooded(120);
    const out = await new Session({ root, from: 'human', waitMs: 200 }).line('@codex hello');
    const error = out.outputs.find((o) => o.kind === 'error') as { text: string };
    expect(error.text).toContain(SAID);
  });

  it('under the bound: the time-out is said as before', async () => {
    const { root, base } = flooded(30);
    const program = join(base, 'p.hw');
    writeFileSync(program, '@codex hello\n');
    const text = await dispatch(root, ['run', program, '--wait', '0.2']);
    expect(text.stdout).toContain('no answer from @codex within 0.2 s (msg-');
    expect(text.stdout).not.toContain('holds more than');
    const out = await new Session({ root, from: 'human', waitMs: 200 }).line('@codex hello');
    expect((out.outputs.find((o) => o.kind === 'error') as { text: string }).text).not.toContain('holds more than');
  });
});
