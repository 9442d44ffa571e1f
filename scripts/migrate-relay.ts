import { join, dirname } from 'node:path';
import { parseCommandArgs } from './lib/cli/args.ts';
import { printJson, printLine, runMain, warn } from './lib/cli/main.ts';
import { aliveHome } from './lib/home.ts';
import { migrateRelay } from './lib/relay/migrate.ts';
import { defaultRelayPaths } from './lib/relay/paths.ts';

const USAGE = `usage: migrate-relay [--v1-path FILE] [--v2-path FILE] [--dry-run] [--json]

Converts a v1 relay.yaml (default $ALIVE_HOME/relay.yaml) into relay.json (default
$ALIVE_HOME/relay/relay.json). Safe to run again: an existing relay.json is left alone, and the
v1 file is never changed. Peer keys are not carried over; pin them with 'alive-p2p relay accept'.`;

runMain(async (argv): Promise<0 | 1 | 2> => {
  const { values } = parseCommandArgs<{ 'v1-path'?: string; 'v2-path'?: string; 'dry-run'?: boolean; json?: boolean }>(
    argv,
    { 'v1-path': { type: 'string' }, 'v2-path': { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    { usage: USAGE, positionals: { min: 0, max: 0 } },
  );
  if (values.help) {
    printLine(USAGE);
    return 0;
  }
  const v1Path = values['v1-path'] ?? join(aliveHome(), 'relay.yaml');
  const v2Path = values['v2-path'] ?? defaultRelayPaths().config;
  const r = migrateRelay({ v1Path, v2Path, metaPath: join(dirname(v2Path), '.migration-meta.json'), dryRun: values['dry-run'] === true });
  if (values.json) {
    printJson({ ok: true, ...r });
    return 0;
  }
  for (const w of r.warnings) warn(w);
  if (r.status === 'skipped:no-v1') printLine(`No v1 config at ${r.v1_path}; nothing to migrate.`);
  else if (r.status === 'skipped:already-migrated') printLine(`${r.v2_path} already exists; nothing to do.`);
  else {
    printLine(`${r.status === 'migrated' ? 'Migrated' : 'Would migrate'} ${r.v1_path} -> ${r.v2_path} (${r.v2_peer_count} of ${r.v1_peer_count} peer(s))`);
    if (r.status === 'would-migrate') printLine(JSON.stringify(r.config, null, 2));
  }
  return 0;
});
