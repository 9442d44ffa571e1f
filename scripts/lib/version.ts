/** The plugin's version (kept equal to package.json and plugin.json; a test checks it). */
export const ALIVE_VERSION = '0.1.0';
