import { defineGroup, lazyCommand } from '../cli/command.ts';

/**
 * `alive-p2p relay …`: the Git mailbox between peers. Each subcommand loads only its own module:
 * status, setup and add-peer need no tar, yaml or package reader, which push and pull do.
 */
export const relayGroup = defineGroup({
  name: 'relay',
  summary: 'the Git mailbox between peers (setup, add-peer, accept, remove-peer, status, inbox, push, pull)',
  commands: [
    lazyCommand('setup', 'create your relay and publish your key', async () => (await import('./commands/setup.ts')).setupCommand),
    lazyCommand('add-peer', 'add (and on GitHub invite) a peer', async () => (await import('./commands/add-peer.ts')).addPeerCommand),
    lazyCommand('accept', "trust a peer's relay and pin their key", async () => (await import('./commands/accept.ts')).acceptCommand),
    lazyCommand(
      'remove-peer',
      'stop trusting a peer (unpin their key; on GitHub, remove their access)',
      async () => (await import('./commands/remove-peer.ts')).removePeerCommand,
    ),
    lazyCommand('status', 'show relay, keys, peers and what waits (probes when stale)', async () => (await import('./commands/status.ts')).relayStatusCommand),
    lazyCommand('inbox', 'list what waits in your relay (nothing is downloaded)', async () => (await import('./commands/inbox.ts')).relayInboxCommand),
    lazyCommand('push', "deliver a package into a peer's relay", async () => (await import('./commands/push.ts')).pushCommand),
    lazyCommand('pull', 'download the packages waiting in your relay', async () => (await import('./commands/pull.ts')).pullCommand),
  ],
});
