/**
 * relay-check's time budget. hooks/hooks.json gives the hook a 10 s timeout; the budget stays
 * below it so relay-check always ends (killing a slow probe) before Claude Code would kill it.
 * ALIVE_RELAY_CHECK_BUDGET_MS may shorten or lengthen it within these bounds.
 */
export const RELAY_CHECK_TIMEOUT_S = 10;
export const DEFAULT_BUDGET_MS = 7000;
export const MAX_BUDGET_MS = 9000;
const MIN_BUDGET_MS = 200;

export function relayCheckBudgetMs(env: NodeJS.ProcessEnv): number {
  const n = Number(env.ALIVE_RELAY_CHECK_BUDGET_MS);
  if (!Number.isFinite(n) || n <= 0) return DEFAULT_BUDGET_MS;
  return Math.min(MAX_BUDGET_MS, Math.max(MIN_BUDGET_MS, Math.floor(n)));
}
