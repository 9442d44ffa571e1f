/**
 * Shell glob patterns (`*`, `?`, `[…]`, a backslash quoting the next character) matched against
 * one name, as bash matches a path component: what log-guardian asks of a `find -name` pattern
 * and of a glob the shell would expand. A bracket takes POSIX classes (`[[:alpha:]]`), decided for
 * ASCII characters and taken as matching any other (which a locale decides), equivalence classes
 * and collating symbols of one character (`[[=l=]]`, `[[.l.]]`); one of any other form matches
 * any character, so a pattern is never read as matching less than bash may.
 */

/** The POSIX classes for ASCII characters: pairs of characters, each the first and last of a range. */
const CLASSES: Record<string, string> = {
  alnum: '09AZaz',
  alpha: 'AZaz',
  ascii: '\x00\x7f',
  blank: '\t\t  ',
  cntrl: '\x00\x1f\x7f\x7f',
  digit: '09',
  graph: '!~',
  lower: 'az',
  print: ' ~',
  punct: '!/:@[`{~',
  space: '\t\r  ',
  upper: 'AZ',
  word: '09AZ__az',
  xdigit: '09AFaf',
};

/**
 * Whether `ch` is in a bracket expression's `set` (characters, ranges `a-z`, and the bracket forms
 * above); `maybe` when a member cannot be decided here (a class of a non-ASCII character, an
 * unknown class or a longer collating symbol), which a caller takes as a match.
 */
function inSet(set: string, ch: string): boolean | 'maybe' {
  let maybe = false;
  for (let k = 0; k < set.length; k++) {
    const kind = set[k] === '[' ? set[k + 1] : undefined;
    if (kind === ':' || kind === '=' || kind === '.') {
      const close = set.indexOf(`${kind}]`, k + 2);
      if (close >= 0) {
        const inner = set.slice(k + 2, close);
        // A range to or from a bracket form is not one bash takes as written: any character.
        if (set[k - 1] === '-' || set[close + 2] === '-') return 'maybe';
        const is = kind === ':' ? classHas(inner, ch) : inner.length === 1 ? inner === ch : 'maybe';
        if (is === true) return true;
        if (is === 'maybe') maybe = true;
        k = close + 1;
        continue;
      }
    }
    if (set[k + 1] === '-' && set[k + 2] === '[' && ':=.'.includes(set[k + 3] ?? '-')) return 'maybe';
    if (set[k + 1] === '-' && k + 2 < set.length) {
      if (ch >= set[k]! && ch <= set[k + 2]!) return true;
      k += 2;
    } else if (set[k] === ch) return true;
  }
  return maybe ? 'maybe' : false;
}

function classHas(name: string, ch: string): boolean | 'maybe' {
  const ranges = Object.hasOwn(CLASSES, name) ? CLASSES[name] : undefined;
  if (ranges === undefined || ch > '\x7f') return 'maybe';
  for (let k = 0; k < ranges.length; k += 2) if (ch >= ranges[k]! && ch <= ranges[k + 1]!) return true;
  return false;
}

/**
 * For each position k of `pattern`, where a bracket whose members start at k ends (its `]`), or -1:
 * bracket forms (`[:alpha:]`) are passed over whole. One pass from the end, so that no `[` searches
 * the rest again (a pattern of many `[` is linear).
 */
function bracketEnds(pattern: string): Int32Array {
  const n = pattern.length;
  const end = new Int32Array(n + 2).fill(-1);
  // nextClose[kind][p]: the first `X]` at or after p, for X each of `:`, `=`, `.`.
  const nextClose = new Map<string, Int32Array>();
  for (const kind of [':', '=', '.']) {
    if (!pattern.includes(`[${kind}`)) continue;
    const next = new Int32Array(n + 2).fill(-1);
    for (let p = n - 2; p >= 0; p--) next[p] = pattern[p] === kind && pattern[p + 1] === ']' ? p : next[p + 1]!;
    nextClose.set(kind, next);
  }
  for (let k = n - 1; k >= 0; k--) {
    const c = pattern[k]!;
    const kind = c === '[' ? pattern[k + 1] : undefined;
    const close = kind === undefined ? -1 : (nextClose.get(kind)?.[k + 2] ?? -1);
    end[k] = c === ']' ? k : close >= 0 ? end[close + 2]! : end[k + 1]!;
  }
  return end;
}

export interface GlobOptions {
  /** Match `name` in any letter case (each of its letters in either case). */
  anyCase?: boolean;
}

/** True when the glob `pattern` (`*`, `?`, `[…]`) matches all of `name`; linear in their sizes' product. */
export function globMatches(pattern: string, name: string, options: GlobOptions = {}): boolean {
  const end = pattern.includes('[') ? bracketEnds(pattern) : undefined;
  // In any case: a character matches when one of its case forms does (no array per character).
  const inAnyCase = (one: (ch: string) => boolean) => (options.anyCase ? (ch: string) => one(ch) || one(ch.toLowerCase()) || one(ch.toUpperCase()) : one);
  // reach[k]: the pattern read so far can match name's first k characters.
  let reach = [true, ...name.split('').map(() => false)];
  for (let p = 0; p < pattern.length; p++) {
    const c = pattern[p]!;
    if (c === '*') {
      for (let k = 1; k <= name.length; k++) reach[k] = reach[k]! || reach[k - 1]!;
      continue;
    }
    let test: (ch: string) => boolean;
    const negate = c === '[' && (pattern[p + 1] === '!' || pattern[p + 1] === '^');
    const first = p + (negate ? 2 : 1);
    // The set's first member may be `]` (`[]l]`, `[!]]`): its close is searched after it.
    const close = c !== '[' || end === undefined || first >= pattern.length ? -1 : pattern[first] === ']' ? end[first + 1]! : end[first]!;
    if (close > 0) {
      const set = pattern.slice(first, close);
      test = inAnyCase((ch) => {
        const has = inSet(set, ch);
        return has === 'maybe' || has !== negate;
      });
      p = close;
    } else if (c === '?') test = () => true;
    else {
      const literal = c === '\\' && p + 1 < pattern.length ? pattern[++p]! : c;
      test = inAnyCase((ch) => ch === literal);
    }
    const next = [false];
    for (let k = 1; k <= name.length; k++) next.push(reach[k - 1]! && test(name[k - 1]!));
    reach = next;
    if (!reach.includes(true)) return false;
  }
  return reach[name.length]!;
}

/**
 * Whether find's `-path PATTERN` may match the path of a log.md: its `*` matches `/` too, so what
 * follows its last `*` decides (`*_kernel*`, `*.md` and `…*` then `/_kernel/log.md` may; `*.txt` not).
 */
export function pathPatternMayMatchLog(pattern: string, options: GlobOptions = {}): boolean {
  const star = pattern.lastIndexOf('*');
  const tail = pattern.slice(star + 1);
  const slash = tail.lastIndexOf('/');
  if (star < 0 || slash >= 0) return globMatches(tail.slice(slash + 1), 'log.md', options);
  for (let k = 0; k <= 6; k++) if (globMatches(tail, 'log.md'.slice(k), options)) return true;
  return false;
}
