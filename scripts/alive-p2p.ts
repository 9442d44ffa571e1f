import { aliveP2pGroup } from './lib/cli/alive-p2p-group.ts';
import { runEntry } from './lib/cli/command.ts';

runEntry(aliveP2pGroup);
