/**
 * Set by the session hook for the relay-probe it starts, in a process group of its own that the
 * hook kills whole at its deadline and once the probe exits: the probe then keeps its children in
 * that group (proc/tracked.ts keepChildrenInOurGroup), where that kill reaches them even when the
 * probe's event loop is too busy to kill them itself.
 */
export const PROBE_GROUP_KILLED_VAR = 'ALIVE_PROBE_GROUP_KILLED';
