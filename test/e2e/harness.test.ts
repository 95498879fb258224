// Checks the e2e harness itself (test/e2e/lib) against a real VS Code, using a tiny fixture
// extension (test/e2e/fixtures/harnessExtension) that shows one of everything the Switchboard
// tests will drive: status bar item, notification with buttons, input box, quick pick, output
// channel, diagnostics, tree view and webview view. If a VS Code update moves the DOM, these
// tests say which helper broke before any Switchboard test does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, resultsDir } from './lib/paths';
import { startVsCode } from './lib/session';
import { packageFolder } from './lib/vsix';

const fixtureVsix = () =>
  packageFolder(join(repoRoot, 'test', 'e2e', 'fixtures', 'harnessExtension'), join(resultsDir, 'fixtures', 'harness-fixture.vsix'));

test('harness helpers drive and read every workbench part', { timeout: 240_000 }, async (t) => {
  const vscode = await startVsCode({
    testName: 'harness-helpers',
    switchboard: false,
    extensions: [await fixtureVsix()],
    workspaceFiles: { 'broken.txt': 'first\nsecond line\nthird\nfourth line\n' },
  });
  t.after(() => vscode.close());
  const { workbench } = vscode;

  const idle = await workbench.statusBar.waitFor('Fixture idle');
  assert.equal(idle.text, '$(beaker) Fixture idle');
  assert.equal(idle.id, 'switchboard-e2e.e2e-harness-fixture.harnessFixture.status');
  const statusTexts = (await workbench.statusBar.items()).map((i) => i.text);
  assert.ok(!statusTexts.some((text) => text.includes('Restricted Mode')), `trust is disabled by default; status bar: ${statusTexts.join(' | ')}`);

  await workbench.palette.run('Harness Fixture: Notify With Buttons');
  const notification = await workbench.notifications.waitFor('Fixture asks: proceed?');
  assert.deepEqual(
    { severity: notification.severity, buttons: notification.buttons, source: notification.source },
    { severity: 'warning', buttons: ['Proceed', 'Cancel'], source: 'E2E Harness Fixture' },
  );
  await workbench.notifications.click('Fixture asks: proceed?', 'Proceed');
  await workbench.statusBar.waitFor('Fixture Proceed');

  await workbench.palette.run('Harness Fixture: Show Modal');
  const dialog = await workbench.dialogs.waitFor();
  assert.equal(dialog.message, 'Fixture modal question');
  assert.equal(dialog.detail, 'Fixture modal detail');
  assert.ok(dialog.buttons.includes('Continue'), `buttons: ${dialog.buttons.join(', ')}`);
  await workbench.dialogs.click('Continue');
  await workbench.statusBar.waitFor('Fixture modal Continue');

  await workbench.palette.run('Harness Fixture: Ask Name And Color');
  await workbench.quickInput.waitOpen();
  assert.match(await workbench.quickInput.message(), /Fixture name\?/);
  await workbench.quickInput.answer('Ada');
  const rows = await workbench.quickInput.waitForRow('green');
  assert.deepEqual(rows.map((r) => r.label), ['red', 'green', 'blue']);
  assert.equal(await workbench.quickInput.placeholder(), 'Fixture color?');
  await workbench.quickInput.pick('green');
  await workbench.statusBar.waitFor('Fixture Ada green');
  const output = await workbench.output.waitFor('Harness Fixture', 'answered: Ada / green');
  assert.match(output, /^fixture ready$/m);

  const problems = await workbench.problems.entries({ atLeast: 2 });
  assert.deepEqual(
    problems.map(({ file, message, line, column, severity }) => ({ file, message, line, column, severity })),
    [
      { file: 'broken.txt', message: 'fixture error: bad value', line: 2, column: 3, severity: 'error' },
      { file: 'broken.txt', message: 'fixture warning: odd value', line: 4, column: 1, severity: 'warning' },
    ],
  );

  await workbench.views.openContainer('Harness Fixture');
  const items = await workbench.views.treeItems('Fixture Tree', { atLeast: 3 });
  assert.deepEqual(
    items.map(({ label, description, level }) => ({ label, description, level })),
    [
      { label: 'Alpha', description: 'first', level: 1 },
      { label: 'Beta', description: 'second', level: 1 },
      { label: 'Beta child', description: 'nested', level: 2 },
    ],
  );

  await workbench.webviews.click('#ping');
  const reply = await workbench.webviews.waitForText('#reply', 'pong from the extension');
  assert.equal(reply, 'pong from the extension');

  // Shown at activation; its toast has hidden itself by now, so this reads the notification center.
  const activated = await workbench.notifications.waitFor('Fixture activated');
  assert.deepEqual({ severity: activated.severity, buttons: activated.buttons }, { severity: 'info', buttons: [] });
});

test('workspaceTrust: true keeps Workspace Trust on, so the fresh workspace opens in Restricted Mode', { timeout: 180_000 }, async (t) => {
  const vscode = await startVsCode({ testName: 'harness-untrusted-workspace', switchboard: false, workspaceTrust: true, workspaceFiles: { 'README.md': '# untrusted\n' } });
  t.after(() => vscode.close());
  const { workbench } = vscode;

  await workbench.statusBar.waitFor('Restricted Mode');
  assert.match(await workbench.bannerText(), /Restricted Mode/);
});
