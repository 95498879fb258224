// Workspace trust in a real VS Code: a repository whose codex.toml defines a provider with an
// `auth.command` (a script that would create a marker file) and makes it the active provider.
// While the workspace is untrusted the provider is shown (locked) but the command never runs,
// not even through Test Connection or Select Provider, and the active provider stays the user's.
// Once the user trusts the workspace, the same Test Connection runs it (the marker appears).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { declineWorkspaceTrust, grantWorkspaceTrust, waitForTreeItem } from './lib/providerUi';
import { startVsCode } from './lib/session';
import { pollUntil } from './lib/text';

const WORKSPACE_TOML = `model_provider = "ws-cmd"

[model_providers.ws-cmd]
name = "Repo Gateway"
base_url = "http://127.0.0.1:9/v1"
wire_api = "chat"

[model_providers.ws-cmd.auth]
command = "sh"
args = ["make-token.sh"]
`;
const SCRIPT = 'touch auth-command-ran.marker\necho token-from-workspace-script\n';

test('an untrusted workspace shows its providers but runs no auth command from it', { timeout: 300_000 }, async (t) => {
  const vscode = await startVsCode({
    testName: 'providers-untrusted',
    workspaceTrust: true,
    workspaceFiles: { 'codex.toml': WORKSPACE_TOML, 'make-token.sh': SCRIPT },
  });
  t.after(() => vscode.close());
  const { workbench } = vscode;
  const marker = join(vscode.server.workspace, 'auth-command-ran.marker');

  await declineWorkspaceTrust(workbench);
  await workbench.views.openContainer('Switchboard');
  await waitForTreeItem(workbench, 'Providers', 'Repo Gateway (ws-cmd)', 'locked (untrusted) · chat');

  // No user config yet: the Get Started view offers to add a provider or open the user config.
  const welcome = await workbench.views.welcomeText('Get Started');
  assert.match(welcome, /Add Provider/);
  assert.match(welcome, /Open User Config/);

  // The workspace's model_provider is not applied while untrusted: the default stays active.
  await workbench.statusBar.waitFor(/^\$\(plug\) Anthropic · /);

  await workbench.palette.run('Switchboard: Test Connection');
  await workbench.quickInput.pick('ws-cmd');
  const refused = await workbench.notifications.waitFor(/not trusted/);
  assert.equal(refused.severity, 'error');
  assert.ok(refused.buttons.includes('Manage Workspace Trust'), refused.buttons.join(', '));
  assert.equal(existsSync(marker), false, 'the auth command did not run');

  await workbench.palette.run('Switchboard: Select Provider');
  await workbench.quickInput.pick('ws-cmd');
  await workbench.notifications.waitFor('Trust the workspace to use it');
  await workbench.statusBar.waitFor(/^\$\(plug\) Anthropic · /);
  assert.equal(existsSync(marker), false, 'the auth command did not run');

  // A missing key is an actionable error: Set API Key opens the password box right away.
  await workbench.palette.run('Switchboard: Test Connection');
  await workbench.quickInput.pick('anthropic');
  const missing = await workbench.notifications.waitFor('Missing environment variable: `ANTHROPIC_API_KEY`');
  assert.deepEqual(missing.buttons.slice(0, 2), ['Set API Key', 'Open Config']);
  await workbench.notifications.click('Missing environment variable', 'Set API Key');
  await workbench.quickInput.waitOpen();
  assert.equal(await workbench.quickInput.input.getAttribute('type'), 'password');
  await workbench.quickInput.cancel();

  // Trusting the workspace applies its config and lets its own auth command run.
  await grantWorkspaceTrust(workbench);
  await waitForTreeItem(workbench, 'Providers', 'Repo Gateway (ws-cmd)', /^● active · auth command · chat/);
  await workbench.statusBar.waitFor('Repo Gateway ·');
  await workbench.palette.run('Switchboard: Test Connection');
  await workbench.quickInput.pick(/ws-cmd/);
  await workbench.steps.run('the auth command ran (marker file exists)', () => pollUntil(async () => existsSync(marker), (ok) => ok, 20_000, 'the marker file'));
});
