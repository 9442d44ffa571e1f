/** `migrate-relay`: v1 relay.yaml to v2 relay.json, idempotent, never touching the v1 file. */
import { join, dirname } from 'node:path';
import { defineCommand } from '../../cli/command.ts';
import { aliveHome } from '../../home.ts';
import { migrateRelay } from '../migrate.ts';
import { defaultRelayPaths } from '../paths.ts';
import { counted } from '../../text/plural.ts';

export const migrateRelayCommand = defineCommand({
  name: 'migrate-relay',
  summary: 'convert a v1 relay.yaml into relay.json',
  usage: `usage: migrate-relay [--v1-path FILE] [--v2-path FILE] [--dry-run] [--json]

Converts a v1 relay.yaml (default $ALIVE_HOME/relay.yaml) into relay.json (default
$ALIVE_HOME/relay/relay.json). Safe to run again: an existing relay.json is left alone, and the
v1 file is never changed. Peer keys are not carried over; pin each with
'alive-p2p relay accept LOGIN --fingerprint HEX', the fingerprint the peer told you by another channel.

Options:
  --v1-path FILE  the v1 relay.yaml
  --v2-path FILE  the relay.json to write
  --dry-run       show what would be written, write nothing
  --json          one JSON object
  -h, --help      show this help`,
  options: { 'v1-path': { type: 'string' }, 'v2-path': { type: 'string' }, 'dry-run': { type: 'boolean' } },
  run(ctx) {
    const v1Path = ctx.values['v1-path'] ?? join(aliveHome(), 'relay.yaml');
    const v2Path = ctx.values['v2-path'] ?? defaultRelayPaths().config;
    const r = migrateRelay({ v1Path, v2Path, metaPath: join(dirname(v2Path), '.migration-meta.json'), dryRun: ctx.values['dry-run'] === true });
    if (ctx.json) {
      ctx.printJson({ ok: true, ...r });
      return;
    }
    for (const w of r.warnings) ctx.warn(w);
    if (r.status === 'skipped:no-v1') ctx.print(`No v1 config at ${r.v1_path}; nothing to migrate.`);
    else if (r.status === 'skipped:already-migrated') ctx.print(`${r.v2_path} already exists; nothing to do.`);
    else {
      ctx.print(
        `${r.status === 'migrated' ? 'Migrated' : 'Would migrate'} ${r.v1_path} -> ${r.v2_path} (${r.v2_peer_count} of ${counted(r.v1_peer_count, 'peer')})`,
      );
      if (r.status === 'would-migrate') ctx.print(JSON.stringify(r.config, null, 2));
    }
  },
});
