/**
 * YAML text from someone else (a v1 companion.md's frontmatter, a bundle's context.manifest.yaml)
 * parsed without a word on stderr. The yaml library reports a warning (an unknown tag, a
 * collection used as a key) through process.emitWarning, quoting the source line as it is: escape
 * sequences in it reached the terminal raw. Its errors still throw.
 */
import { parse } from 'yaml';

export function parseYamlQuietly(text: string): unknown {
  return parse(text, { logLevel: 'error' });
}
