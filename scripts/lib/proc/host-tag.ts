import { createHash } from 'node:crypto';
import { readFileSync, readlinkSync } from 'node:fs';
import { hostname } from 'node:os';

let tag: string | undefined;

/**
 * A short tag of where a process id means something: this machine's boot and PID namespace
 * (Linux: boot_id and /proc/self/ns/pid; elsewhere the host name). A bus folder may be shared by
 * machines or containers; a pid written by one of them says nothing about processes elsewhere,
 * so a claim is taken back at once only from a dead owner with the same tag.
 */
export function hostTag(): string {
  if (tag !== undefined) return tag;
  const parts: string[] = [];
  try {
    parts.push(readFileSync('/proc/sys/kernel/random/boot_id', 'latin1').trim());
    parts.push(readlinkSync('/proc/self/ns/pid'));
  } catch {
    parts.push(hostname());
  }
  tag = BigInt(`0x${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 12)}`).toString(36);
  return tag;
}
