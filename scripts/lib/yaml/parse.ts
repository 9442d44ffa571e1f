/**
 * YAML text from someone else (a v1 companion.md's frontmatter, a bundle's context.manifest.yaml)
 * parsed without a word on stderr. The yaml library reports a warning (an unknown tag, a
 * collection used as a key) through process.emitWarning, quoting the source line as it is: escape
 * sequences in it reached the terminal raw. Its errors still throw.
 *
 * A document that may nest deeper than YAML_MAX_DEPTH is refused before it is parsed: the library
 * recurses once per level, and a thousand nested block sequences (a 5 KB companion.md) made V8
 * abort the whole process with a fatal out-of-memory error, which no catch sees (exit 134, the
 * receive's staging left behind).
 */
import { parse } from 'yaml';

export const YAML_MAX_DEPTH = 256;

/**
 * An upper bound on how deep `text` nests: on each line, its indentation, the flow collections
 * still open, and every indicator on it that can open a level (`[`, `{`, and `-`, `?`, `:` before
 * a space or the line's end). Quoted text is not told apart: a bound, not a parse.
 */
export function yamlDepthBound(text: string): number {
  let flow = 0;
  let max = 0;
  let k = 0;
  while (k <= text.length) {
    let depth = flow;
    while (text[k] === ' ' || text[k] === '\t') {
      depth++;
      k++;
    }
    for (; k < text.length && text[k] !== '\n'; k++) {
      const c = text[k];
      if (c === '[' || c === '{') {
        flow++;
        depth++;
      } else if (c === ']' || c === '}') flow = Math.max(0, flow - 1);
      else if ((c === '-' || c === '?' || c === ':') && (k + 1 === text.length || text[k + 1] === ' ' || text[k + 1] === '\n')) depth++;
    }
    if (depth > max) max = depth;
    k++;
  }
  return max;
}

/**
 * `aliases: false` refuses every alias (`*name`) for YAML that is written out again once parsed:
 * the library's alias limit counts nodes, not bytes, and 90 aliases of one 200 KB anchor
 * expanded to an 18 MB context.manifest.yaml from a companion.md of 200 KB.
 */
export function parseYamlQuietly(text: string, { aliases = true }: { aliases?: boolean } = {}): unknown {
  if (yamlDepthBound(text) > YAML_MAX_DEPTH) throw new Error(`the YAML may nest deeper than ${YAML_MAX_DEPTH} levels`);
  return parse(text, { logLevel: 'error', ...(aliases ? {} : { maxAliasCount: 0 }) });
}
