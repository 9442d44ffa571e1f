import { dispatchGroup } from './lib/bus/commands/group.ts';
import { runEntry } from './lib/cli/command.ts';

runEntry(dispatchGroup);
