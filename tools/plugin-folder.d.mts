export declare const RUNTIME_SOURCES: { path: string; required: boolean }[];
export declare const PLUGIN_FOLDER: string;
export declare function writePluginFolder(options: { root: string; distDir: string; outDir: string }): string[];
