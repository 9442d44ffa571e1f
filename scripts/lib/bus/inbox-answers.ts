/**
 * The answers among the inbox files whose header block status read (status.ts inboxHeadsOf), and
 * how `dispatch status` words them. For that command a bundle of its own (tools/build-options.mjs),
 * loaded only when an inbox holds a file: the header reader (message.ts) is 2.5 KB its entry
 * bundle does not carry.
 */
import { isAnswerHead } from './message.ts';
import { counted } from '../text/plural.ts';

/**
 * Sets each row's `answers` (among its inbox files' heads, `headsOf`, each read up to `headBytes`;
 * empty for a file not read) and `waiting`, the rest.
 */
export function countAnswers<R extends { inbox: number; answers: number; waiting: number }>(
  rows: readonly R[],
  headsOf: (r: R) => readonly Buffer[],
  headBytes: number,
): void {
  for (const r of rows) {
    r.answers = headsOf(r).filter((h) => h.length > 0 && isAnswerHead(h, headBytes)).length;
    r.waiting = r.inbox - r.answers;
  }
}

/** What the totals line says after the messages waiting: `, 2 answers to read`, or ''. */
export function answersTotalText(answers: number): string {
  return answers ? `, ${counted(answers, 'answer')} to read` : '';
}

/** What a row says after its inbox count: ` (1 answer; 3 files not looked at, counted as waiting)`, or ''. */
export function inboxKindsText(r: { answers: number; unclassified?: number }): string {
  const kinds = [r.answers ? counted(r.answers, 'answer') : '', r.unclassified ? `${counted(r.unclassified, 'file')} not looked at, counted as waiting` : '']
    .filter(Boolean)
    .join('; ');
  return kinds ? ` (${kinds})` : '';
}
