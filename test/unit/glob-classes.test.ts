/**
 * Bracket forms in globs (text/glob.ts): POSIX classes decided for ASCII characters, equivalence
 * classes and collating symbols of one character; what cannot be decided here matches any character,
 * so a pattern is never read as matching less than bash may. `anyCase` matches a name in any letter case.
 */
import { describe, expect, it } from 'vitest';
import { globMatches, pathPatternMayMatchLog } from '../../scripts/lib/text/glob.ts';

describe('bracket forms', () => {
  it('reads POSIX classes, negated or not, beside other members', () => {
    expect(globMatches('[[:alpha:]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[[:digit:]]og.md', 'log.md')).toBe(false);
    expect(globMatches('[![:digit:]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[^[:alpha:]]og.md', 'log.md')).toBe(false);
    expect(globMatches('[[:digit:]x]*', 'x1')).toBe(true);
    expect(globMatches('[x[:digit:]]*', '7up')).toBe(true);
    expect(globMatches('log[[:punct:]]md', 'log.md')).toBe(true);
    expect(globMatches('log[[:space:]]md', 'log.md')).toBe(false);
    expect(globMatches('[[:upper:]]og.md', 'log.md')).toBe(false);
    expect(globMatches('[[:upper:]]og.md', 'log.md', { anyCase: true })).toBe(true);
  });

  it('takes equivalence classes and collating symbols of one character as that character', () => {
    expect(globMatches('[[=l=]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[[.l.]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[[=k=]]og.md', 'log.md')).toBe(false);
  });

  it('matches any character where it cannot decide: a class of a character outside ASCII, an unknown form, a range to a class', () => {
    expect(globMatches('[[:alpha:]]', 'é')).toBe(true);
    expect(globMatches('[![:alpha:]]', 'é')).toBe(true);
    expect(globMatches('[[:nosuch:]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[[:constructor:]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[[.space.]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[a-[:digit:]]og.md', 'log.md')).toBe(true);
  });

  it('keeps a ] first, an unclosed [: and the old forms as they were', () => {
    expect(globMatches('[]l]og.md', 'log.md')).toBe(true);
    expect(globMatches('[!]]og.md', 'log.md')).toBe(true);
    expect(globMatches('[l[:]og.md', 'log.md')).toBe(true);
    expect(globMatches('[a-k]og.md', 'log.md')).toBe(false);
    expect(globMatches('[!l]og.md', 'log.md', { anyCase: true })).toBe(true);
    expect(globMatches('[!lL]og.md', 'log.md', { anyCase: true })).toBe(false);
  });

  it('reads find -path patterns with classes, in any case when asked', () => {
    expect(pathPatternMayMatchLog('*/_kernel/[[:alpha:]]og.md')).toBe(true);
    expect(pathPatternMayMatchLog('*/_KERNEL/LOG.MD')).toBe(false);
    expect(pathPatternMayMatchLog('*/_KERNEL/[[:upper:]]OG.MD', { anyCase: true })).toBe(true);
  });

  it('stays linear in the pattern: thousands of unclosed classes', () => {
    // The first `[:` runs to the last `:]`, so no `]` closes the bracket: a `[` of the name, not `l`.
    const pattern = `${'[[:'.repeat(30_000)}]`;
    expect(globMatches(pattern, 'l')).toBe(false);
    expect(globMatches(`${'[[:alpha:]'.repeat(20_000)}x`, 'log.md')).toBe(false);
  });
});
