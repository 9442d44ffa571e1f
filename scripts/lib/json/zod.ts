/**
 * The one import of zod: its tree-shakeable "mini" API with English messages. Import it as
 * `import * as z from '../json/zod.ts'` (a namespace import esbuild can shake): the classic API
 * cannot be shaken and put about 600 KB into every bundle.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
