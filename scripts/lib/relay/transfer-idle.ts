/**
 * How long a package's upload or download may go without a byte moving before it is stopped, on
 * every transport: a stall ends within a minute, while a slow link that keeps moving is never cut
 * off by it (each transport also has a total, for a link that only trickles).
 */
export const TRANSFER_IDLE_MS = 60_000;
