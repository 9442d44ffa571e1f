/**
 * `dispatch run FILE --root busTYPO` made busTYPO/runtimes without a word and queued its messages
 * there, where nothing serves them, while `dispatch send` refuses that case (no_bus unless
 * --create). run refuses it the same way at its first statement addressed over the bus; --create
 * starts the bus, and says so. A program answered here alone needs no bus.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, makeBus } from './helpers.ts';

function program(base: string, text: string): string {
  const file = join(base, 'p.hw');
  writeFileSync(file, text);
  return file;
}

describe('dispatch run where the root holds no bus', () => {
  it('a statement over the bus is refused with no_bus (exit 1), saying how the root was found; nothing is made there', async () => {
    const { base } = makeBus();
    const typo = join(base, 'busTYPO');
    const r = await dispatch(typo, ['run', program(base, 'Gemini #entropy\n'), '--wait', '0.1', '--json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: false, error: { code: 'no_bus' } });
    expect(out.error.message).toContain('check --root');
    expect(out.error.message).toContain('--create');
    expect(existsSync(join(typo, 'runtimes'))).toBe(false);
  });

  it('--create starts the bus there, queues the message and says so on stderr', async () => {
    const { base } = makeBus();
    const typo = join(base, 'busNEW');
    const r = await dispatch(typo, ['run', program(base, 'Gemini #entropy\n'), '--wait', '0.1', '--create']);
    expect(r.status).toBe(1); // no answer within 0.1 s
    expect(existsSync(join(typo, 'runtimes', 'gemini', 'inbox'))).toBe(true);
    expect(r.stderr).toContain('created a new bus at');
  });

  it('a program answered here alone runs with no bus, and makes none', async () => {
    const { base } = makeBus();
    const typo = join(base, 'busTYPO');
    const r = await dispatch(typo, ['run', program(base, 'HelloWorld #Sunyata\n')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('#Sunyata is native to HelloWorld');
    expect(existsSync(join(typo, 'runtimes'))).toBe(false);
  });
});
