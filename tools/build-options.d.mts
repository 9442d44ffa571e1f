import type { BuildOptions } from 'esbuild';
export declare const HOOK_ENTRIES: string[];
export declare function bundleOptions(name: string): BuildOptions;
