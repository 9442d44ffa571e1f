/**
 * `npm run bench`: every benchmark in one table, each as a ratio against a baseline measured in
 * the same run. `--json FILE` also writes the rows as JSON; `--large` adds the 500 MB memory run;
 * `--only AREA[,AREA]` runs some suites.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { printRows, withoutNodeOnlySettings, type BenchRow } from './lib.ts';

type Suite = { area: string; run: (large: boolean) => Promise<BenchRow[]> };

const suites: Suite[] = [
  {
    area: 'pack',
    run: async (large) => {
      const m = await import('./package.ts');
      const rows = await m.benchPackage();
      if (large) rows.push(...(await m.benchPackageMemory()));
      return rows;
    },
  },
  { area: 'crypto', run: async () => (await import('./crypto.ts')).benchCrypto() },
  { area: 'receive', run: async () => (await import('./receive.ts')).benchReceive() },
  { area: 'relay', run: async () => (await import('./relay.ts')).benchRelay() },
  { area: 'hooks', run: async () => (await import('./hooks.ts')).benchHooks() },
  { area: 'startup', run: async () => (await import('./startup.ts')).benchStartup() },
  { area: 'bus', run: async () => (await import('./bus.ts')).benchBus() },
  { area: 'mcp', run: async () => (await import('./mcp.ts')).benchMcp() },
];

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? (args[jsonAt + 1] ?? 'bench/out/bench.json') : undefined;
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? new Set((args[onlyAt + 1] ?? '').split(',')) : undefined;
const large = args.includes('--large');
const unknown = [...(only ?? [])].filter((a) => !suites.some((s) => s.area === a));
if (unknown.length > 0) {
  // An area misspelt would run nothing and print an empty table, which reads as a passing run.
  process.stderr.write(`unknown benchmark area ${unknown.map((a) => `'${a}'`).join(', ')}: the areas are ${suites.map((s) => s.area).join(', ')}\n`);
  process.exit(2);
}

const removed = withoutNodeOnlySettings();
const rows: BenchRow[] = [];
for (const s of suites) {
  if (only && !only.has(s.area)) continue;
  process.stderr.write(`running ${s.area} benchmarks...\n`);
  try {
    rows.push(...(await s.run(large)));
  } catch (err) {
    process.stderr.write(`benchmark ${s.area} failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
printRows(rows);
if (removed.length > 0) console.log(`(every process ran without ${removed.join(' and ')}, set in this environment: see bench/lib.ts)`);
if (jsonFile) {
  const out = resolve(jsonFile);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ node: process.version, date: new Date().toISOString(), rows }, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
