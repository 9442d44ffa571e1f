/**
 * The shapes of the GitHub API answers the transport reads fields of: an answer is someone else's
 * JSON (any --api-url, a proxy), so it is checked against what GitHub documents before a field of
 * it is used. Only the fields read are checked; the rest pass (looseObject). A mismatch is a
 * BadAnswer, which githubError reports as `bad_relay` naming the field: never a TypeError of ours
 * reading a field that is not there, nor a value of another type used as if it were right.
 */
import * as z from '../json/zod.ts';
import { schemaProblem } from '../json/file.ts';

/** An answer that is not what GitHub's API documents: `message` names the field (our words). */
export class BadAnswer extends Error {
  override readonly name = 'BadAnswer';
}

/** `data` as `schema` says, or a BadAnswer naming the first field that is not. */
export function answerOf<T>(schema: z.ZodMiniType<T>, data: unknown): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw new BadAnswer(schemaProblem(schema, data) ?? 'the answer is not what the API documents');
}

/** GitHub and git allow at most 255 bytes: a longer name is not a branch (isUsableBranch checks the rest). */
const branchName = z.string().check(z.minLength(1), z.maxLength(255));

/** GET /user, GET /users/{username}. */
export const userAnswer = z.looseObject({ login: z.string() });

/** GET /repos/{owner}/{repo}. */
export const repositoryAnswer = z.looseObject({ default_branch: branchName, private: z.boolean() });

/** GET /repos/{owner}/{repo}/git/ref/{ref}. */
export const refAnswer = z.looseObject({ object: z.looseObject({ sha: z.string() }) });

/** GET /repos/{owner}/{repo}/git/commits/{sha}. */
export const commitAnswer = z.looseObject({ tree: z.looseObject({ sha: z.string() }) });

/** POST …/git/blobs, …/git/trees, …/git/commits: the id of what was made. */
export const createdAnswer = z.looseObject({ sha: z.string() });

/** PUT …/contents/{path}: the commit of the write (only ever read leniently: the file is in). */
export const contentsWriteAnswer = z.looseObject({ commit: z.looseObject({ sha: z.string() }) });

/**
 * GET …/contents/{path} of a folder: one entry per file or folder in it (GitHub lists at most
 * 1,000). `sha` is the entry's Git blob id.
 */
export const folderAnswer = z.array(z.looseObject({ type: z.string(), name: z.string(), sha: z.string(), size: z.optional(z.unknown()) }));

/**
 * GET …/git/trees/{sha}. `size` stays a claim checked where it is used (text there is "unknown",
 * not a refusal); `sha` is checked as an object id by the transport, which names the tree.
 */
export const treeAnswer = z.looseObject({
  truncated: z.optional(z.boolean()),
  tree: z.array(z.looseObject({ path: z.string(), type: z.string(), mode: z.optional(z.unknown()), sha: z.string(), size: z.optional(z.unknown()) })),
});

/**
 * GET /user/repository_invitations (one page). `id` stays unknown: an invitation whose id is not
 * a positive whole number is skipped, not a refusal of the whole page.
 */
export const invitationsAnswer = z.array(
  z.looseObject({
    id: z.unknown(),
    repository: z.looseObject({ name: z.string(), owner: z.looseObject({ login: z.string() }) }),
    inviter: z.optional(z.nullable(z.looseObject({ login: z.string() }))),
  }),
);
