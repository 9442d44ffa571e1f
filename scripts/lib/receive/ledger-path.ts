import { join } from 'node:path';

/** `<world>/.alive/imports.json`, the world's record of imports (ledger.ts); apart so a hook can find it without zod. */
export function ledgerPath(world: string): string {
  return join(world, '.alive', 'imports.json');
}
