/**
 * The result a finished journal stored, checked before a later run reports it (a receive that
 * finishes an interrupted import): the journal is a leftover on disk, and a result of another shape
 * (fields missing, or fields of its own that would top the JSON an agent reads) is not reported.
 * A module of its own, loaded only then: zod is not part of every receive's start-up.
 */
import * as z from '../json/zod.ts';
import type { ReceiveResult } from './receive.ts';

const heldItemSchema = z.strictObject({ path: z.string(), rule: z.string(), would_be_at: z.string(), kept_as: z.optional(z.string()) });
const total = z.optional(z.number());
/** A result as journalResult keeps it. */
const storedResultSchema = z.strictObject({
  ok: z.literal(true),
  walnut: z.nullable(z.string()),
  imported: z.array(z.string()),
  skipped: z.array(z.strictObject({ path: z.string(), reason: z.string() })),
  conflicts: z.array(z.strictObject({ bundle: z.string(), existing: z.string(), imported_as: z.string() })),
  log_entry: z.nullable(z.string()),
  layout: z.nullable(z.enum(['v2', 'v3'])),
  layout_reason: z.nullable(z.string()),
  held_back: z.array(heldItemSchema),
  held_back_dir: z.nullable(z.string()),
  agent_files_taken: z.array(heldItemSchema),
  scope: z.enum(['full', 'bundle', 'snapshot']),
  format_version: z.string(),
  package_sha256: z.string(),
  source_walnut: z.nullable(z.string()),
  sender: z.nullable(z.string()),
  files: z.number(),
  bytes: z.number(),
  envelope: z.string(),
  signature: z.strictObject({ present: z.boolean(), verified: z.boolean(), signer: z.nullable(z.string()) }),
  notes: z.array(z.string()),
  legacy_kdf: z.optional(z.string()),
  envelope_signed: z.optional(z.boolean()),
  imported_total: total,
  skipped_total: total,
  conflicts_total: total,
  held_back_total: total,
  agent_files_taken_total: total,
});

/** A finished journal's stored result, when it has the shape of one. */
export function storedResult(stored: Record<string, unknown>): ReceiveResult | undefined {
  const parsed = storedResultSchema.safeParse(stored);
  return parsed.success ? (parsed.data as ReceiveResult) : undefined;
}
