import { fenceData, terminalText } from './untrusted.ts';

/**
 * Untrusted text shown to a person or an agent reading our output: escaped for the terminal and
 * fenced by two marker lines carrying a nonce the text does not contain (a forged end line
 * in the text cannot close the fence early and put text after it in our words).
 */
export function fencedLines(label: string, text: string): string[] {
  const f = fenceData(label, terminalText(text));
  return [f.open, f.body, f.close];
}

/**
 * An error's untrusted detail (errors.ts UntrustedDetail): `label` is a few lowercase words of ours
 * ('config problem'), the fence is `UNTRUSTED CONFIG PROBLEM`, the --json field `config_problem`.
 */
export function untrustedDetail(label: string, text: string): { json: Record<string, string>; lines: string[] } {
  return { json: { [label.replace(/ /g, '_')]: text }, lines: fencedLines(`UNTRUSTED ${label.toUpperCase()}`, text) };
}
