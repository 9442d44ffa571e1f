/**
 * Shell glob patterns (`*`, `?`, `[…]`, a backslash quoting the next character) matched against
 * one name, as bash matches a path component: what log-guardian asks of a `find -name` pattern
 * and of a glob the shell would expand.
 */

/** True when `ch` is in a bracket expression's `set` (characters and ranges: `a-z`). */
function inSet(set: string, ch: string): boolean {
  for (let k = 0; k < set.length; k++) {
    if (set[k + 1] === '-' && k + 2 < set.length) {
      if (ch >= set[k]! && ch <= set[k + 2]!) return true;
      k += 2;
    } else if (set[k] === ch) return true;
  }
  return false;
}

/** True when the glob `pattern` (`*`, `?`, `[…]`) matches all of `name`; linear in their sizes' product. */
export function globMatches(pattern: string, name: string): boolean {
  // closeAt[p]: the first `]` at or after p (one pass, so that no `[` searches the rest again).
  const closeAt: number[] = new Array(pattern.length + 1);
  closeAt[pattern.length] = -1;
  for (let p = pattern.length - 1; p >= 0; p--) closeAt[p] = pattern[p] === ']' ? p : closeAt[p + 1]!;
  // reach[k]: the pattern read so far can match name's first k characters.
  let reach = [true, ...name.split('').map(() => false)];
  for (let p = 0; p < pattern.length; p++) {
    const c = pattern[p]!;
    if (c === '*') {
      for (let k = 1; k <= name.length; k++) reach[k] = reach[k]! || reach[k - 1]!;
      continue;
    }
    let test: (ch: string) => boolean;
    // The set's first member may be `]` (`[]l]`, `[!]]`): its close is searched after it.
    const negate = c === '[' && (pattern[p + 1] === '!' || pattern[p + 1] === '^');
    const first = p + (negate ? 2 : 1);
    const end = c === '[' && first + 1 <= pattern.length ? closeAt[first + 1]! : -1;
    if (end > 0) {
      const set = pattern.slice(first, end);
      test = (ch) => inSet(set, ch) !== negate;
      p = end;
    } else if (c === '?') test = () => true;
    else {
      const literal = c === '\\' && p + 1 < pattern.length ? pattern[++p]! : c;
      test = (ch) => ch === literal;
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
export function pathPatternMayMatchLog(pattern: string): boolean {
  const star = pattern.lastIndexOf('*');
  const tail = pattern.slice(star + 1);
  const slash = tail.lastIndexOf('/');
  if (star < 0 || slash >= 0) return globMatches(tail.slice(slash + 1), 'log.md');
  for (let k = 0; k <= 6; k++) if (globMatches(tail, 'log.md'.slice(k))) return true;
  return false;
}
