/**
 * `<world>/.alive/imports.json`: every import into the world — which package (sha256 of the
 * file, manifest identity), when, from where, into what. It is what refuses a second import of
 * the same package. Read through zod: a damaged ledger stops the receive rather than being
 * silently replaced.
 */
import * as z from '../json/zod.ts';
import { AliveError } from '../errors.ts';
import { writeJsonAtomic } from '../fs/atomic.ts';
import { readSmallFile } from '../fs/small-file.ts';
import { isSamePackage, type PackageIdentity } from '../package/identity.ts';
import { ledgerPath } from './ledger-path.ts';

export const ledgerEntrySchema = z.looseObject({
  package_sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** Size of the package file: lets a receive skip waiting for the hash when no size matches. */
  package_bytes: z.optional(z.number().check(z.int(), z.nonnegative())),
  format_version: z.string(),
  walnut: z.nullable(z.string()),
  scope: z.enum(['full', 'bundle', 'snapshot']),
  created: z.nullable(z.string()),
  sender: z.nullable(z.string()),
  signer: z.nullable(z.string()),
  signature_verified: z.boolean(),
  received_at: z.string(),
  source: z.string(),
  /** World-relative path of the walnut that received the import. */
  target: z.string(),
  /** World-relative paths that appeared. */
  imported: z.array(z.string()),
  conflicts: z.array(z.looseObject({ bundle: z.string(), imported_as: z.string() })),
  /** The receive's own id (its staging folder), so a resumed receive is recorded once. */
  receipt: z.string(),
  /** packageIdentity(): the signed content, the same however the package was re-compressed or re-encrypted. */
  identity: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

const ledgerSchema = z.looseObject({ imports: z.array(ledgerEntrySchema) });
export type Ledger = z.infer<typeof ledgerSchema>;

/** The most of imports.json read (some hundred thousand imports); a larger one is refused. */
export const LEDGER_MAX_BYTES = 64 * 1024 * 1024;

export { ledgerPath };

export function readLedger(world: string): Ledger {
  const path = ledgerPath(world);
  const read = readSmallFile(path, LEDGER_MAX_BYTES);
  if (read === undefined) return { imports: [] };
  if (!read.ok) {
    throw new AliveError(`${path} ${read.detail}; repair it or move it aside, then receive again. Nothing was written`, { code: 'ledger' });
  }
  const text = read.bytes.toString('utf8');
  let parsed;
  try {
    parsed = ledgerSchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  if (!parsed?.success) {
    throw new AliveError(`${path} is damaged (not the expected {imports: [...]} JSON); repair it or move it aside, then receive again. Nothing was written`, {
      code: 'ledger',
    });
  }
  return parsed.data;
}

/** Appends `entry` unless the ledger already holds its receipt. */
export function recordImport(world: string, entry: LedgerEntry): void {
  const ledger = readLedger(world);
  if (ledger.imports.some((e) => e.receipt === entry.receipt)) return;
  writeJsonAtomic(ledgerPath(world), { ...ledger, imports: [...ledger.imports, entry] });
}

/**
 * An earlier import of the same package that this one would repeat: a full package imported
 * anywhere in the world, or a bundle package into the same walnut.
 */
export function findDuplicate(ledger: Ledger, sha256: string, scope: string, target: string, identity?: PackageIdentity): LedgerEntry | undefined {
  const same = (e: LedgerEntry) => e.package_sha256 === sha256 || (identity !== undefined && isSamePackage(e.identity, identity));
  return ledger.imports.find((e) => same(e) && (scope === 'full' ? e.scope === 'full' : e.target === target));
}

/** Could a package of this size be one already recorded? (Entries without a size always could.) */
export function mayBeRecorded(ledger: Ledger, bytes: number): boolean {
  return ledger.imports.some((e) => e.package_bytes === undefined || e.package_bytes === bytes);
}
