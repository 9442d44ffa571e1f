import type { BuildOptions } from 'esbuild';
export declare const HOOK_ENTRIES: string[];
export declare function bundleOptions(name: string): BuildOptions;
export declare function entryNames(): string[];
export declare function buildBundles(outDir: string, opts?: { logLevel?: BuildOptions['logLevel'] }): Promise<string[]>;
