/**
 * The folders of a package that would look like a world root once written (world/root.ts): one
 * that holds `.alive/`, or `01_Archive/` with `02_Life/`, and is no walnut (`_kernel/key.md`, v1
 * `_core/key.md`: a walnut keeps its sessions in a `.alive/` of its own). extract writes them, a
 * faithful copy, and names them; receive never imports a marker folder (receive/plan.ts).
 */
import { foldSegment, segmentFolder } from '../walnut/agent-files.ts';
import { WORLD_MARKER, WORLD_PAIR } from '../world/root.ts';
import { counted } from '../text/plural.ts';
import { senderName } from '../text/fence.ts';
import { inlineText } from '../text/untrusted.ts';

const [ARCHIVE, LIFE] = WORLD_PAIR.map((n) => foldSegment(n)) as [string, string];
const MARKER = foldSegment(WORLD_MARKER);
const KEY_FILES = new Set(['_kernel/key.md', '_core/key.md']);

/** Such folders among those `paths` (package paths) imply, relative ('' for the top), sorted. */
export function worldLookalikes(paths: readonly string[]): string[] {
  const fold = segmentFolder();
  const marked = new Set<string>();
  const archive = new Set<string>();
  const life = new Set<string>();
  const walnuts = new Set<string>();
  for (const path of paths) {
    const segs = path.split('/');
    const folded = segs.map(fold);
    for (let i = 0; i < segs.length - 1; i++) {
      const above = segs.slice(0, i).join('/');
      if (folded[i] === MARKER) marked.add(above);
      else if (folded[i] === ARCHIVE) archive.add(above);
      else if (folded[i] === LIFE) life.add(above);
    }
    // Exact, as the hooks look (is-walnut.ts): a key file spelt otherwise (`_KERNEL/`) is no walnut there.
    if (segs.length >= 2 && KEY_FILES.has(segs.slice(-2).join('/'))) walnuts.add(segs.slice(0, -2).join('/'));
  }
  for (const dir of archive) if (life.has(dir)) marked.add(dir);
  return [...marked].filter((dir) => !walnuts.has(dir)).sort();
}

/** The warning extract prints when it wrote such folders into `dir` (undefined when none). */
export function worldLookalikesWarning(folders: readonly string[], dir: string): string | undefined {
  if (folders.length === 0) return undefined;
  const shown = folders.slice(0, 10).map((f) => (f === '' ? 'the folder itself' : senderName(f)));
  return (
    `${inlineText(dir, 4000)} holds ${counted(folders.length, 'folder')} that the hooks and receive would take for a world (${shown.join(', ')}${folders.length > 10 ? ', …' : ''}): ` +
    'each holds .alive/, or 01_Archive/ with 02_Life/, from this package. Move or delete those folders before working there'
  );
}
