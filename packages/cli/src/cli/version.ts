/** The version `sellkit --version` prints (kept equal to package.json's by a test). */
export const CLI_VERSION = '0.1.0';
