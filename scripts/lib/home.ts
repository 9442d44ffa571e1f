import { join } from 'node:path';
import { homeDir } from './fs/node-fs.ts';

/** Per-user state folder: ALIVE_HOME, else ~/.alive (cli.md section 3). */
export function aliveHome(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.ALIVE_HOME;
  if (fromEnv && fromEnv.trim() !== '') return fromEnv;
  return join(homeDir(), '.alive');
}

export function relayDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(aliveHome(env), 'relay');
}
