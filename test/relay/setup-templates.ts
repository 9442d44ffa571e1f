/**
 * Relays set up once in a test run and copied for each later user of the same login and key.
 *
 * A relay's setup runs about ten git processes, each a fork of a test worker of 100-250 MB, and
 * the relay tests set up a few hundred relays a run, mostly as the fixture of a test about something
 * else. setupFromTemplate runs the real setup once per id into a template folder, then copies what
 * it made into each user's folder and replaces the template's path by the user's in the files that
 * hold it. Setup itself is tested for real (setup-*.test.ts and the transport's own tests).
 * The templates are never changed once made, so sharing them across the run's files is safe.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface TemplateSpec {
  /** What decides the setup's result: the kind of setup, the login, the public key, and any option the setup runs with. */
  id: string;
  /** Folders made by setup, relative to a base folder (the user's relay folder, remotes/<login>.git). */
  folders: string[];
  /** Files among them that hold the base folder's path (relay.json, the clone's git config). */
  pathFiles: string[];
  /** Sets up the relay below `templateBase`, as it would below a user's base. */
  setUp: (templateBase: string) => Promise<void>;
}

/**
 * What `spec.setUp` makes below `base`, copied from the template of `spec.id` (made first if need
 * be); `spec.folders` that are there already are replaced. Returns the folders' stamp (treeStamp).
 */
export async function setupFromTemplate(base: string, spec: TemplateSpec): Promise<string> {
  const { dir, builtAt } = await templateOf(spec);
  for (const folder of spec.folders) {
    rmSync(join(base, folder), { recursive: true, force: true });
    // A clone's alive-users/<pid> marks a process that uses it: the template's worker, not this user's.
    cpSync(join(dir, folder), join(base, folder), { recursive: true, preserveTimestamps: true, filter: (src) => basename(src) !== 'alive-users' });
  }
  for (const file of spec.pathFiles) writeFileSync(join(base, file), readFileSync(join(base, file), 'utf8').split(builtAt).join(base));
  return treeStamp(base, spec.folders);
}

/** Every file and link under `folders` (relative to `base`) with its size and time: what tells a copy left as it was. */
export function treeStamp(base: string, folders: string[]): string {
  const lines: string[] = [];
  const walk = (rel: string) => {
    const st = lstatSync(join(base, rel), { throwIfNoEntry: false });
    if (st === undefined) return;
    lines.push(`${rel}\t${st.mode}\t${st.size}\t${st.mtimeMs}`);
    if (st.isDirectory()) for (const name of readdirSync(join(base, rel)).sort()) walk(join(rel, name));
  };
  for (const folder of folders) walk(folder);
  return lines.join('\n');
}

interface Template {
  dir: string;
  /** The folder it was built in: the path its files hold. */
  builtAt: string;
}

/** This worker's templates by id. */
const templates = new Map<string, Promise<Template>>();

/** The file of a template that holds the path it was built at. */
const BUILT_AT = '.built-at';

/**
 * The template of `spec.id`. Templates are shared by the run's workers, under the run's temporary
 * folder (removed when the run ends): built in a folder of one's own, then renamed into place under
 * a hash of the id; a worker that loses the race keeps using its own.
 */
function templateOf(spec: TemplateSpec): Promise<Template> {
  let made = templates.get(spec.id);
  if (made === undefined) {
    made = (async () => {
      const root = join(tmpdir(), 'alive-relay-templates');
      mkdirSync(root, { recursive: true });
      const dir = join(root, createHash('sha256').update(spec.id).digest('hex'));
      if (existsSync(join(dir, BUILT_AT))) return { dir, builtAt: readFileSync(join(dir, BUILT_AT), 'utf8') };
      const builtAt = mkdtempSync(join(root, 'build-'));
      await spec.setUp(builtAt);
      writeFileSync(join(builtAt, BUILT_AT), builtAt);
      try {
        renameSync(builtAt, dir);
        return { dir, builtAt };
      } catch {
        return { dir: builtAt, builtAt };
      }
    })();
    templates.set(spec.id, made);
    made.catch(() => templates.delete(spec.id));
  }
  return made;
}
