/**
 * How the relay's commands speak of a package by the inbox folder it waits in. A sender writes
 * into inbox/<folder>/ of your relay, and whoever can write there chooses the folder; the signature
 * that says who made a package is inside it, checked only when `relay pull` downloads it. So before
 * pull a package is in a folder (a pinned peer's, or any other), never "from" anyone: the words
 * are the SessionStart notice's (hook/relay-notice.ts).
 */

/** What a count by folder means, for --json `note` fields. */
export const BY_FOLDER_NOTE =
  "counted by inbox folder, whose name is chosen by whoever writes to the relay: a package in a pinned peer's folder is only said to be from that peer until relay pull verifies its signature against the key pinned for them";

/** What follows a package counted in a pinned peer's folder: `who` is that peer, or words for them. */
export function saidToBeFrom(who: string): string {
  return `only said to be from ${who} until \`alive-p2p relay pull\` verifies its signature (whoever writes to your relay chooses the folder a package goes in)`;
}
