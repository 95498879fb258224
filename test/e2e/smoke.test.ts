// Smoke test in a real VS Code (code-server + Chromium): the packaged VSIX installs, activates,
// and "Switchboard: Show Logs" from the command palette shows its output channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { startVsCode } from './lib/session';

test('Switchboard: Show Logs opens the Switchboard output channel with "Switchboard activated"', { timeout: 180_000 }, async (t) => {
  const vscode = await startVsCode({
    testName: 'smoke-show-logs',
    workspaceFiles: { 'README.md': '# Smoke test workspace\n' },
  });
  t.after(() => vscode.close());
  const { workbench } = vscode;

  await workbench.palette.run('Switchboard: Show Logs');
  const text = await workbench.output.waitFor('Switchboard', 'Switchboard activated');
  assert.match(text, /\[info\] Switchboard activated/);

  const shot = await workbench.screenshot('switchboard output channel');
  assert.ok(existsSync(shot), `screenshot ${shot} was written`);
  assert.ok(readdirSync(vscode.resultsDir).some((f) => f.endsWith('.png')));
});
