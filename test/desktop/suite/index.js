/* global require, exports */
// Runs INSIDE the desktop VS Code extension host (loaded by @vscode/test-electron through
// --extensionTestsPath). A tiny mocha-free suite: each check throws on failure.
// The extension host loads this file as CommonJS, and `vscode` exists only through require().
/* eslint-disable @typescript-eslint/no-require-imports */
const assert = require('node:assert/strict');
const vscode = require('vscode');
/* eslint-enable @typescript-eslint/no-require-imports */

const EXTENSION_ID = 'switchboard-dev.switchboard';

const checks = [
  ['the extension is installed and activates', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded in the Extension Development Host`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  }],
  ['"Switchboard: Show Logs" (switchboard.showLogs) is registered and runs', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('switchboard.showLogs'), 'switchboard.showLogs is not registered');
    await vscode.commands.executeCommand('switchboard.showLogs');
  }],
];

/** Called by the test host; rejects when any check fails. */
async function run() {
  const failures = [];
  for (const [name, check] of checks) {
    try {
      await check();
      console.log(`  ok   ${name}`);
    } catch (error) {
      failures.push(name);
      console.error(`  FAIL ${name}: ${error instanceof Error ? error.message : error}`);
    }
  }
  console.log(`${checks.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} desktop check(s) failed: ${failures.join('; ')}`);
}

exports.run = run;
