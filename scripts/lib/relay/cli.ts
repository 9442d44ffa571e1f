import { defineGroup } from '../cli/command.ts';
import { acceptCommand } from './commands/accept.ts';
import { addPeerCommand } from './commands/add-peer.ts';
import { inboxCommand } from './commands/inbox.ts';
import { removePeerCommand } from './commands/remove-peer.ts';
import { pullCommand } from './commands/pull.ts';
import { pushCommand } from './commands/push.ts';
import { setupCommand } from './commands/setup.ts';
import { statusCommand } from './commands/status.ts';

/** `alive-p2p relay …`: the Git mailbox between peers. */
export const relayGroup = defineGroup({
  name: 'relay',
  summary: 'the Git mailbox between peers (setup, add-peer, accept, remove-peer, status, inbox, push, pull)',
  commands: [setupCommand, addPeerCommand, acceptCommand, removePeerCommand, statusCommand, inboxCommand, pushCommand, pullCommand],
});
