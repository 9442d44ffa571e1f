/**
 * A wait told who answers (`dispatch wait --receiver`, the MCP `wait` tool's `receiver`) watches
 * only that receiver's outbox: named wrongly (a typo, another receiver) it waited the whole
 * time-out for an answer that goes elsewhere. Checked before waiting, in the same words for both.
 */
import { AliveError } from '../errors.ts';
import { nameable, whereText } from './commands/common.ts';
import { displayName } from './names.ts';
import { idArgument } from './ids.ts';
import { findAnswer, findMessage } from './query.ts';
import { findUnlistedJson, withFindUnlisted } from './list-bound.ts';
import { unknownReceiver } from './receivers.ts';

/**
 * How the caller names a receiver to wait on: `--receiver @NAME` (CLI), `receiver: "@NAME"` (MCP);
 * and how it reads which receiver holds a message (`dispatch show`, the show tool).
 */
export interface ReceiverSpelling {
  without: string;
  with: (name: string) => string;
  showNames: (id: string) => string;
  how: 'cli' | 'tool';
}

export const CLI_RECEIVER: ReceiverSpelling = {
  without: 'wait without --receiver',
  with: (n) => `--receiver ${n}`,
  showNames: (id) => `'dispatch show ${id}' names the receiver in its envelope`,
  how: 'cli',
};
export const MCP_RECEIVER: ReceiverSpelling = {
  without: 'call wait without receiver',
  with: (n) => `receiver: "${n}"`,
  showNames: (id) => `show {"id": ${JSON.stringify(idArgument(id))}} names the receiver, under untrusted_receiver`,
  how: 'tool',
};

/**
 * Refuses `responder` (a folder name) for request `id` when the request is another receiver's
 * (`not_found`, saying whose when every bus knows the name), or when it is on the bus nowhere and
 * no receiver has that name (`unknown_receiver`, with the closest name as `send` gives it). A request
 * gone from the bus (HelloWorld's daemons delete what they read) with a known responder passes.
 */
export function checkWaitReceiver(root: string, id: string, responder: string, spell: ReceiverSpelling): void {
  // Partial lookups (a claim of it among the names not listed) are said: withFindUnlisted.
  const seen = { unlisted: false };
  if (findMessage(root, id, { receiver: responder, seen }).length > 0 || findAnswer(root, id, { responder })) return;
  const head = `cannot wait on msg-${id} for ${displayName(responder)}`;
  const elsewhere = findMessage(root, id, { seen }).filter((m) => m.kind === 'request' && m.location !== 'outbox');
  if (elsewhere.length > 0) {
    const owners = [...new Set(elsewhere.map((m) => m.receiver))];
    const where = [...new Set(elsewhere.map((m) => whereText(m, undefined, 'another receiver', spell.how, true)))].join('; ');
    // A folder name any bus writer chose is not named in our words: show names it, fenced.
    const fix = owners.every((r) => nameable(r))
      ? `${spell.without}, or with ${spell.with(owners.map(displayName).join(' or '))}`
      : `${spell.without} (${spell.showNames(id)})`;
    throw new AliveError(withFindUnlisted(`${head}: it is not ${displayName(responder)}'s: it is ${where}; ${fix}`, seen), {
      code: 'not_found',
      fields: findUnlistedJson(seen),
    });
  }
  const unknown = unknownReceiver(root, responder);
  if (!unknown) return;
  throw new AliveError(`${head}: ${unknown.text}`, {
    code: 'unknown_receiver',
    fields: { receiver: displayName(responder), ...(unknown.suggestion ? { suggestion: unknown.suggestion } : {}) },
    ...(unknown.similar ? { untrusted: unknown.similar } : {}),
  });
}
