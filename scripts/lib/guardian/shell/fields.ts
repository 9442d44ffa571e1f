/**
 * Word splitting: the text an unquoted expansion gives (`$x`, `${x:-…}`) is cut into words at the
 * characters of IFS, as bash cuts it, so `RM="rm -f"; $RM …` runs rm, and `IFS=:; x="rm:…"; $x`
 * too (review of 2026-12-07).
 */
import { type Part, type VarValue, type Word, text } from './words.ts';

/** bash's IFS when the command does not set it. */
const DEFAULT_IFS = ' \t\n';

const isBlank = (c: string) => c === ' ' || c === '\t' || c === '\n';

/**
 * The words bash makes of `w` with IFS `ifs`: blanks in IFS around a field are dropped and a run of
 * them is one cut; each other IFS character cuts once (two in a row make an empty word between,
 * one at the start an empty word before, one at the end none); a word an empty expansion alone
 * made is dropped.
 */
function fields(w: Word, ifs: string): Word[] {
  const out: Word[] = [];
  let parts: Part[] = [];
  /** What the last character read was: nothing yet, text of a word, a blank cut, another cut. */
  let state: 'start' | 'text' | 'blank' | 'cut' = 'start';
  const end = () => {
    out.push({ parts });
    parts = [];
  };
  for (const p of w.parts) {
    if (!p.split) {
      parts.push(p);
      state = 'text';
      continue;
    }
    let piece = '';
    const flush = () => {
      if (piece !== '') parts.push({ ...p, text: piece });
      piece = '';
    };
    for (const c of p.text) {
      if (!ifs.includes(c)) {
        piece += c;
        state = 'text';
      } else if (isBlank(c)) {
        if (state === 'text') {
          flush();
          end();
          state = 'blank';
        }
      } else {
        if (state !== 'blank') {
          flush();
          end();
        }
        state = 'cut';
      }
    }
    flush();
  }
  if (state === 'text') end();
  return out;
}

/**
 * The words of a command after word splitting, with IFS as the command set it (`ifs`: undefined
 * when it did not). With an IFS it cannot tell, an expansion's text is unknown, read from what it held.
 */
export function splitWords(words: Word[], ifs: VarValue): Word[] {
  if (!words.some((w) => w.parts.some((p) => p.split))) return words;
  const seps = ifs === undefined ? DEFAULT_IFS : typeof ifs === 'string' ? ifs : undefined;
  return words.flatMap((w) => {
    if (!w.parts.some((p) => p.split && (p.text === '' || seps === undefined || [...p.text].some((c) => seps.includes(c))))) return [w];
    // An assignment (`a=$x`, `local a=$x`) is not split; a word `[[` reads is not either.
    if (!w.parts[0]?.split && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(text(w))) return [w];
    if (seps === undefined) return [{ parts: w.parts.map((p) => (p.split ? { text: p.text, known: false, fed: { texts: [p.text] } } : p)), raw: w.raw }];
    return fields(w, seps);
  });
}
