import { dirname, join } from 'node:path';
import { relayDir } from '../home.ts';

/** Where the relay keeps its local state (cli.md section 5). */
export interface RelayPaths {
  dir: string;
  config: string;
  state: string;
  keysDir: string;
  privateKey: string;
  publicKey: string;
  peersKeyDir: string;
  clone: string;
  inbox: string;
  /** Scratch space for sealed packages on their way out and downloads on their way in. */
  work: string;
  migrationMeta: string;
}

export function relayPaths(dir: string): RelayPaths {
  const keysDir = join(dir, 'keys');
  return {
    dir,
    config: join(dir, 'relay.json'),
    state: join(dir, 'state.json'),
    keysDir,
    privateKey: join(keysDir, 'private.pem'),
    publicKey: join(keysDir, 'public.pem'),
    peersKeyDir: join(keysDir, 'peers'),
    clone: join(dir, 'clone'),
    inbox: join(dir, 'inbox'),
    work: join(dir, 'work'),
    migrationMeta: join(dir, '.migration-meta.json'),
  };
}

export function defaultRelayPaths(env: NodeJS.ProcessEnv = process.env): RelayPaths {
  return relayPaths(relayDir(env));
}

/** The probe may be pointed at a relay.json elsewhere; everything else sits beside it. */
export function relayPathsForConfig(configPath: string): RelayPaths {
  return { ...relayPaths(dirname(configPath)), config: configPath };
}

export function peerKeyPath(paths: RelayPaths, login: string): string {
  return join(paths.peersKeyDir, `${login}.pem`);
}
