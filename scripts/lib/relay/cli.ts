import { defineGroup, legacyCommand } from '../cli/command.ts';
import { runAccept, runAddPeer } from './commands/peers.ts';
import { runPull } from './commands/pull.ts';
import { runPush } from './commands/push.ts';
import { runSetup } from './commands/setup.ts';
import { runStatus } from './commands/status.ts';

/** `alive-p2p relay …`: the Git mailbox between peers. */
export const relayGroup = defineGroup({
  name: 'relay',
  summary: 'the Git mailbox between peers (setup, add-peer, accept, status, push, pull)',
  commands: [
    legacyCommand('setup', 'create your relay and publish your key', runSetup),
    legacyCommand('add-peer', 'add (and on GitHub invite) a peer', runAddPeer),
    legacyCommand('accept', "trust a peer's relay and pin their key", runAccept),
    legacyCommand('status', 'show relay, keys, peers and the last probe', runStatus),
    legacyCommand('push', "deliver a package into a peer's relay", runPush),
    legacyCommand('pull', 'download the packages waiting in your relay', runPull),
  ],
});
