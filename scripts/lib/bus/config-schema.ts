/** The schema of `runtimes/<name>/config.json` (see config.ts), loaded only when such a file exists. */
import * as z from '../json/zod.ts';
import { MESSAGE_READ_LIMIT } from './fsutil.ts';
import { AGENT_ENV_ENTRY } from './agent-env.ts';
import { MAX_DURATION_SECONDS } from './config.ts';

const positive = (what: string) => z.optional(z.int({ error: `${what} must be a whole number` }).check(z.minimum(1, { error: `${what} must be at least 1` })));

const duration = (what: string) =>
  z.optional(
    z
      .int({ error: `${what} must be a whole number` })
      .check(
        z.minimum(1, { error: `${what} must be at least 1` }),
        z.maximum(MAX_DURATION_SECONDS, { error: `${what} must be at most ${MAX_DURATION_SECONDS} (7 days)` }),
      ),
  );

export const receiverConfigSchema = z.strictObject({
  allow_from: z.optional(z.array(z.string({ error: 'allow_from must list sender names' }))),
  rate_limit: z.optional(
    z.strictObject({
      messages: z.int({ error: 'rate_limit.messages must be a whole number' }).check(z.minimum(1, { error: 'rate_limit.messages must be at least 1' })),
      per_seconds: z
        .int({ error: 'rate_limit.per_seconds must be a whole number' })
        .check(z.minimum(1, { error: 'rate_limit.per_seconds must be at least 1' })),
    }),
  ),
  // A claim reads the whole message into memory: no more than the bus reads anywhere else.
  max_bytes: z.optional(
    z.int({ error: 'max_bytes must be a whole number' }).check(
      z.minimum(1, { error: 'max_bytes must be at least 1' }),
      z.maximum(MESSAGE_READ_LIMIT, {
        error: `max_bytes must be at most ${MESSAGE_READ_LIMIT} (${MESSAGE_READ_LIMIT / 1024 / 1024} MiB, the most the bus reads of one message)`,
      }),
    ),
  ),
  turn_budget: positive('turn_budget'),
  agent_timeout_seconds: duration('agent_timeout_seconds'),
  claim_lease_seconds: duration('claim_lease_seconds'),
  empty_file_grace_ms: z.optional(
    z.int({ error: 'empty_file_grace_ms must be a whole number' }).check(z.minimum(0, { error: 'empty_file_grace_ms must be at least 0' })),
  ),
  agent_env: z.optional(z.array(z.string().check(z.regex(AGENT_ENV_ENTRY, { error: 'agent_env lists variable names (a trailing * matches a prefix)' })))),
  max_consecutive_failures: positive('max_consecutive_failures'),
  answer_into_inbox: z.optional(
    z.union([z.literal('auto'), z.literal('never'), z.array(z.string({ error: 'answer_into_inbox lists sender names' }))], {
      error: 'answer_into_inbox is "auto", "never" or a list of sender names',
    }),
  ),
});
