import type { BuildOptions } from 'esbuild';
export declare const HOOK_ENTRIES: string[];
/** scripts/lib/relay/octokit-json.ts, which the bundles and the tests use in place of json-with-bigint. */
export declare const OCTOKIT_JSON: string;
export declare function bundleOptions(name: string): BuildOptions;
export declare function entryNames(): string[];
export declare function buildBundles(outDir: string, opts?: { logLevel?: BuildOptions['logLevel'] }): Promise<string[]>;
