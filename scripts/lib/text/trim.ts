/**
 * Trimming a set of characters off the ends of text that may come from someone else. A pattern such
 * as `/[ \t]+$/` or `/\n+$/` is tried at every start of a run and fails at its end when the run is
 * not at the end of the text: a long run inside a message costs the square of its length (80,000
 * spaces took 7 s). These loops look at each character once. For whitespace in JavaScript's sense
 * (`/\s+$/`), String.prototype.trimEnd is the same set and linear.
 */

/** `text` without the characters of `chars` at its end. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the characters of `chars` at its start. */
export function trimStartOf(text: string, chars: string): string {
  let start = 0;
  while (start < text.length && chars.includes(text[start]!)) start++;
  return start === 0 ? text : text.slice(start);
}

/** `text` without the characters of `chars` at either end. */
export function trimOf(text: string, chars: string): string {
  return trimEndOf(trimStartOf(text, chars), chars);
}
