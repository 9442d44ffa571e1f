/**
 * The fail_unsafe_* and fail_unlisted_file_* package vectors through the reader in-process, as vectors.test.ts checks
 * the others (a file of its own so that vitest runs the two halves side by side).
 */
import { describeReader, FILES, isUnsafeHalf, sandboxes } from './vector-reader.ts';

describeReader('the reader (in-process): unsafe and unlisted entries', FILES.filter(isUnsafeHalf), sandboxes('vectors-unsafe'));
