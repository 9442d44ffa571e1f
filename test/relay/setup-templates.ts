/**
 * Relays set up once per worker and copied for each later user of the same login and key.
 *
 * A relay's setup runs about ten git processes, each a fork of a test worker of 100-250 MB, and
 * the relay tests set up a few hundred relays a run, mostly as the fixture of a test about something
 * else. setupFromTemplate runs the real setup once per id into a template folder, then copies what
 * it made into each user's folder and replaces the template's path by the user's in the files that
 * hold it. Setup itself is tested for real (setup-*.test.ts and the transport's own tests).
 * The templates are never changed once made, so sharing them across a worker's files is safe.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

const templates = new Map<string, Promise<string>>();
let templatesDir: string | undefined;

export interface TemplateSpec {
  /** What decides the setup's result: the kind of setup, the login and the public key. */
  id: string;
  /** Folders made by setup, relative to a base folder (the user's relay folder, remotes/<login>.git). */
  folders: string[];
  /** Files among them that hold the base folder's path (relay.json, the clone's git config). */
  pathFiles: string[];
  /** Sets up the relay below `templateBase`, as it would below a user's base. */
  setUp: (templateBase: string) => Promise<void>;
}

/** What `spec.setUp` makes below `base`, copied from the template of `spec.id` (made first if need be). */
export async function setupFromTemplate(base: string, spec: TemplateSpec): Promise<void> {
  const template = await templateOf(spec);
  for (const folder of spec.folders) {
    // A clone's alive-users/<pid> marks a process that uses it: the template's worker, not this user's.
    cpSync(join(template, folder), join(base, folder), { recursive: true, preserveTimestamps: true, filter: (src) => basename(src) !== 'alive-users' });
  }
  for (const file of spec.pathFiles) writeFileSync(join(base, file), readFileSync(join(base, file), 'utf8').split(template).join(base));
}

function templateOf(spec: TemplateSpec): Promise<string> {
  let made = templates.get(spec.id);
  if (made === undefined) {
    if (templatesDir === undefined) {
      const dir = mkdtempSync(join(tmpdir(), 'alive-relay-templates-'));
      templatesDir = dir;
      process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    }
    const base = mkdtempSync(join(templatesDir, 'relay-'));
    made = spec.setUp(base).then(() => base);
    templates.set(spec.id, made);
    made.catch(() => templates.delete(spec.id));
  }
  return made;
}
