/** What a sed script writes and runs: the files of its `w` commands, the commands of its `e` (log-guardian, shell.ts). */

/**
 * The files a sed script writes with its `w`/`W` commands and the `w` flag of `s` (`s/a/b/w FILE`),
 * each name running to the end of its line, and the commands GNU sed runs (`e COMMAND`; '' for
 * what `e` alone and the `e` flag of `s` run: the pattern space, from the input). Undefined when
 * the script is not read to its end (a command it does not know, a part not closed).
 */
export function sedScriptWrites(script: string): { files: string[]; runs: string[] } | undefined {
  const files: string[] = [];
  const runs: string[] = [];
  let i = 0;
  const n = script.length;
  const blank = (c: string | undefined) => c === ' ' || c === '\t';
  const toLineEnd = () => {
    const end = script.indexOf('\n', i);
    const s = script.slice(i, end < 0 ? n : end);
    i = end < 0 ? n : end + 1;
    return s;
  };
  const fileName = () => {
    while (blank(script[i])) i++;
    const name = toLineEnd();
    if (name !== '' && name !== '/dev/stdout' && name !== '/dev/stderr') files.push(name);
  };
  /** Past text delimited by `d` (a regex or replacement), from after its opening `d`; false when not closed. */
  const delimited = (d: string) => {
    while (i < n && script[i] !== d) {
      if (script[i] === '\\') i++;
      else if (script[i] === '\n' && d !== '\n') return false;
      i++;
    }
    if (i >= n) return false;
    i++;
    return true;
  };
  const address = () => {
    const c = script[i];
    if (c === '/') {
      i++;
      if (!delimited('/')) return false;
    } else if (c === '\\') {
      const d = script[i + 1];
      i += 2;
      if (d === undefined || !delimited(d)) return false;
    } else if (c === '$') i++;
    else while (i < n && '0123456789~+'.includes(script[i]!)) i++;
    while ('IM'.includes(script[i] ?? '-')) i++;
    return true;
  };
  while (i < n) {
    const c = script[i]!;
    if (blank(c) || c === '\n' || c === ';' || c === '{' || c === '}') {
      i++;
      continue;
    }
    if (c === '#') {
      toLineEnd();
      continue;
    }
    if (!address()) return undefined;
    while (blank(script[i])) i++;
    if (script[i] === ',') {
      i++;
      while (blank(script[i])) i++;
      if (!address()) return undefined;
    }
    while (blank(script[i]) || script[i] === '!') i++;
    const cmd = script[i++];
    if (cmd === undefined) return undefined;
    if (cmd === '{' || cmd === '}') continue;
    if (cmd === 'w' || cmd === 'W') fileName();
    else if (cmd === 's' || cmd === 'y') {
      const d = script[i++];
      if (d === undefined || d === '\n' || d === '\\' || !delimited(d) || !delimited(d)) return undefined;
      if (cmd === 'y') continue;
      const flags = i;
      while (i < n && 'gpiImMe0123456789'.includes(script[i]!)) i++;
      if (script.slice(flags, i).includes('e')) runs.push('');
      if (script[i] === 'w') {
        i++;
        fileName();
      }
    } else if ('aic'.includes(cmd)) {
      // Text to the end of the line, and on past each line ending in a backslash.
      while (i < n) {
        const line = toLineEnd();
        if (!line.endsWith('\\')) break;
      }
    } else if (cmd === 'e') {
      while (blank(script[i])) i++;
      runs.push(toLineEnd());
    } else if ('rRbtT:v'.includes(cmd)) {
      // A file to read or a command to run: to the end of the line; a label (GNU) to a `;` too.
      const end = [script.indexOf('\n', i), 'rR'.includes(cmd) ? -1 : script.indexOf(';', i)].filter((e) => e >= 0);
      i = end.length > 0 ? Math.min(...end) + 1 : n;
    } else if ('qQlL'.includes(cmd)) while (i < n && '0123456789'.includes(script[i]!)) i++;
    else if (!'=dDgGhHnNpPxzF'.includes(cmd)) return undefined;
  }
  return { files, runs };
}
