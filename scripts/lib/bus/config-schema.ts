/** The schema of `runtimes/<name>/config.json` (see config.ts), loaded only when such a file exists. */
import * as z from '../json/zod.ts';

const positive = (what: string) =>
  z.optional(z.int({ error: `${what} must be a whole number` }).check(z.minimum(1, { error: `${what} must be at least 1` })));

export const receiverConfigSchema = z.strictObject(
  {
    allow_from: z.optional(z.array(z.string({ error: 'allow_from must list sender names' }))),
    rate_limit: z.optional(
      z.strictObject({
        messages: z.int({ error: 'rate_limit.messages must be a whole number' }).check(z.minimum(1)),
        per_seconds: z.int({ error: 'rate_limit.per_seconds must be a whole number' }).check(z.minimum(1)),
      }),
    ),
    max_bytes: positive('max_bytes'),
    turn_budget: positive('turn_budget'),
    agent_timeout_seconds: positive('agent_timeout_seconds'),
    claim_lease_seconds: positive('claim_lease_seconds'),
    empty_file_grace_ms: z.optional(z.int().check(z.minimum(0))),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown keys ${issue.keys.join(', ')}` : undefined) },
);
