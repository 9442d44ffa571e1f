/**
 * The command factory's fast read of a plain command line (cli/simple-args.ts) against
 * util.parseArgs: whatever it accepts, parseArgs reads the same way, and it accepts the forms
 * most runs have.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { describe, expect, it } from 'vitest';
import { simpleArgs } from '../../scripts/lib/cli/simple-args.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

const COMMON = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' }, json: { type: 'boolean' } } as const;
const TABLES: Record<string, Options> = {
  status: { root: { type: 'string' }, ...COMMON },
  create: { walnut: { type: 'string' }, scope: { type: 'string' }, bundle: { type: 'string', multiple: true }, output: { type: 'string' }, ...COMMON },
  probe: { budget: { type: 'string', default: '8' }, config: { type: 'string' }, ...COMMON },
};
const WORDS = [
  '--root',
  'bus',
  '--json',
  '--help',
  '-h',
  '--version',
  '--root=x',
  '--',
  '-',
  '--unknown',
  'pos',
  '--walnut',
  '--bundle',
  '-x',
  '--scope',
  '',
  '--budget',
  '--config',
  '--__proto__',
  '--constructor',
  '-bus',
  'ünï',
];

function parsed(argv: string[], options: Options): { values: Record<string, unknown>; positionals: string[] } | Error {
  try {
    const r = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { values: { ...r.values }, positionals: r.positionals };
  } catch (err) {
    return err as Error;
  }
}

/** Every sequence of WORDS up to `length`, and a seeded sample of longer ones. */
function* commandLines(): Generator<string[]> {
  const exhaustive = (n: number): string[][] => (n === 0 ? [[]] : exhaustive(n - 1).flatMap((line) => WORDS.map((w) => [...line, w])));
  for (let n = 0; n <= 3; n++) yield* exhaustive(n);
  let seed = 7;
  // The high bits of a linear congruential generator: its low bits repeat with a short period.
  const next = () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 16;
  for (let k = 0; k < 20_000; k++) yield Array.from({ length: 4 + (next() % 4) }, () => WORDS[next() % WORDS.length]!);
}

describe('simpleArgs', () => {
  for (const [table, options] of Object.entries(TABLES)) {
    it(`reads what it accepts as parseArgs does (${table})`, () => {
      let accepted = 0;
      for (const argv of commandLines()) {
        const fast = simpleArgs(argv, options);
        if (!fast) continue;
        accepted += 1;
        expect(parsed(argv, options), argv.join(' ')).toEqual({ values: { ...fast.values }, positionals: fast.positionals });
      }
      // A table with a default is always parseArgs's: it fills the default in.
      if (table === 'probe') expect(accepted).toBe(0);
      else expect(accepted).toBeGreaterThan(100);
    });
  }

  it('accepts the common forms and leaves the rest to parseArgs', () => {
    expect(simpleArgs(['--root', 'bus', '--json'], TABLES.status!)).toEqual({ values: { root: 'bus', json: true }, positionals: [] });
    expect(simpleArgs(['a.walnut', '--output', 'out'], TABLES.create!)).toEqual({ values: { output: 'out' }, positionals: ['a.walnut'] });
    expect(simpleArgs([], TABLES.status!)).toEqual({ values: {}, positionals: [] });
    for (const argv of [
      ['--root=bus'],
      ['-h'],
      ['--', 'x'],
      ['--root'],
      ['--root', '-x'],
      ['--json', '--json'],
      ['--nope'],
      ['--bundle', 'b'],
      ['--budget', '3'],
    ]) {
      expect(simpleArgs(argv, { ...TABLES.status!, ...TABLES.create!, ...TABLES.probe! }), argv.join(' ')).toBeUndefined();
    }
  });

  it('leaves to parseArgs an option named __proto__ (it keeps no value for it) and a table it refuses', () => {
    const table = { __proto__: { type: 'string' }, ...TABLES.status! } as Options;
    Object.defineProperty(table, '__proto__', { value: { type: 'string' }, enumerable: true });
    expect(simpleArgs(['--__proto__', 'x'], table)).toBeUndefined();
    expect(parsed(['--__proto__', 'x'], table)).toEqual({ values: {}, positionals: [] });
    for (const broken of [{ n: { type: 'number' } }, { n: { type: 'string', short: 'xy' } }] as unknown as Options[]) {
      expect(parsed([], broken)).toBeInstanceOf(Error);
      expect(simpleArgs([], broken)).toBeUndefined();
    }
  });

  it('makes a values object without a prototype, as parseArgs does', () => {
    expect(Object.getPrototypeOf(simpleArgs(['--json'], TABLES.status!)!.values)).toBeNull();
    expect(Object.getPrototypeOf(parseArgs({ args: ['--root=x'], options: TABLES.status!, strict: true }).values)).toBeNull();
  });
});
