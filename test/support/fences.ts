/**
 * Our output names untrusted text only inside fences: a `<<<BEGIN <LABEL> <nonce>` line, the text,
 * and an `END <LABEL> <nonce>>>>` line with the same label and nonce (lib/text/fence.ts). Tests
 * check what is left outside them.
 */
const FENCE = /^<<<BEGIN ([A-Z ]+) (\S+)\n[\s\S]*?\nEND \1 \2>>>$/gm;

/** `text` without its fences: the words that are ours. */
export function outsideFences(text: string): string {
  return text.replace(FENCE, '');
}

/** The text outside every fence (`ours`), and the fences themselves (`fenced`). */
export function splitFences(text: string): { ours: string; fenced: string } {
  return { ours: outsideFences(text), fenced: [...text.matchAll(FENCE)].map((m) => m[0]).join('\n') };
}
