/**
 * `dispatch reply` no longer ends with `lease_lost`: a claim a live holder has is refused with
 * `busy`, and a reply that lost the message to another is told it was already answered
 * (`not_found`). The dispatch skill said to claim again on `lease_lost` (reply).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const SKILL = readFileSync(join(import.meta.dirname, '..', '..', 'skills', 'dispatch', 'SKILL.md'), 'utf8');
const REPLY = readFileSync(join(import.meta.dirname, '..', '..', 'scripts', 'lib', 'bus', 'answer.ts'), 'utf8');

it('the dispatch skill names no lease_lost for reply, and says what reply ends with instead', () => {
  expect(REPLY).toContain('function lostToOther'); // reply's lost claim is said as where the message is now
  expect(SKILL).not.toContain('`lease_lost`');
  expect(SKILL).toMatch(/`not_found` \(claim, reply, show\)[\s\S]*already\s+answered/);
});
