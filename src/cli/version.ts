/**
 * The CLI's version, printed by `--version`. A unit test keeps it equal to package.json's.
 */
export const CLI_VERSION = '0.1.0';
