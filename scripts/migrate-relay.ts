import { runEntry } from './lib/cli/command.ts';
import { migrateRelayCommand } from './lib/relay/commands/migrate-relay.ts';

runEntry(migrateRelayCommand);
