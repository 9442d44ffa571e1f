import { fencedLines } from '../text/fence.ts';
import { counted } from '../text/plural.ts';
import { inlineText } from '../text/untrusted.ts';

/**
 * The problems met loading `dir` (<root>/vocabularies/, any bus writer's files) as serve, run and
 * the REPL say them: a warning of ours that counts them, then the problems, which quote the files'
 * names and text, in one fence. Undefined when there are none.
 */
export function vocabularyWarning(dir: string, problems: readonly string[]): { line: string; fenced: string[] } | undefined {
  if (problems.length === 0) return undefined;
  return {
    line: `the vocabularies in ${inlineText(dir, 300)} could not all be used (${counted(problems.length, 'problem')}, in the fence below); the others are loaded`,
    fenced: fencedLines('UNTRUSTED VOCABULARY PROBLEMS', problems.join('\n')),
  };
}
