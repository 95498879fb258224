// The provider UI in a real VS Code, as a new user meets it: a workspace with a codex.toml and a
// user config, the Providers tree grouped by source, Select Provider changing the status bar,
// Set API Key changing the tree item, the consent question before a saved key goes to a
// workspace-defined server, Select Model, Add Custom Provider appending to the user file, and a
// broken codex.toml showing up in the Problems panel until fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitForProblems, waitForTreeItem } from './lib/providerUi';
import { startVsCode } from './lib/session';
import { pollUntil } from './lib/text';

const WORKSPACE_TOML = `# Team gateway for this repository
[model_providers.team-gw]
name = "Team Gateway"
base_url = "http://127.0.0.1:9/v1"
wire_api = "chat"
env_key = "TEAM_GW_API_KEY"
default_model = "team-model"
`;

const USER_TOML = `[model_providers.my-local]
name = "My local llama"
base_url = "http://127.0.0.1:9/v1"
wire_api = "chat"
default_model = "llama3.1"
`;

const SECRET = 'sk-e2e-secret-0123456789abcdef';

test('providers tree, Select Provider, Set API Key, consent and live diagnostics', { timeout: 300_000 }, async (t) => {
  const vscode = await startVsCode({
    testName: 'providers-trusted',
    workspaceFiles: { 'codex.toml': WORKSPACE_TOML, 'README.md': '# demo\n' },
    homeFiles: { '.codex/config.toml': USER_TOML },
  });
  t.after(() => vscode.close());
  const { workbench } = vscode;

  // The tree: providers grouped by where they come from, the workspace provider present.
  await workbench.views.openContainer('Switchboard');
  // The Chat view shares the container; give Providers the full height, as a user would.
  await workbench.views.reveal('Providers');
  const items = await workbench.views.treeItems('Providers', { atLeast: 10 });
  const groups = items.filter((i) => i.level === 1).map((i) => i.label);
  assert.deepEqual(groups, ['Built-in', 'User file', 'Workspace file']);
  const team = items.find((i) => i.label === 'Team Gateway (team-gw)');
  assert.ok(team, `team-gw listed; items: ${items.map((i) => i.label).join(' | ')}`);
  assert.equal(team.level, 2);
  assert.equal(team.description, 'key missing · chat · team-model');
  const userGroupIndex = items.findIndex((i) => i.label === 'User file');
  assert.equal(items[userGroupIndex + 1].label, 'My local llama (my-local)');
  assert.match(items.find((i) => i.label.startsWith('Anthropic'))?.description ?? '', /^● active · /);

  // Status bar: the default provider, then the one picked from the palette.
  await workbench.statusBar.waitFor(/^\$\(plug\) Anthropic · /);
  await workbench.palette.run('Switchboard: Select Provider');
  await workbench.quickInput.pick('team-gw');
  const status = await workbench.statusBar.waitFor('Team Gateway · team-model');
  assert.equal(status.text, '$(plug) Team Gateway · team-model');
  await waitForTreeItem(workbench, 'Providers', 'Team Gateway (team-gw)', '● active · key missing · chat · team-model');

  // Set API Key through the password box: the tree item changes from "key missing" to "key saved".
  await workbench.palette.run('Switchboard: Set API Key');
  await workbench.quickInput.pick('team-gw');
  assert.equal(await workbench.quickInput.input.getAttribute('type'), 'password');
  await workbench.steps.run('type the API key into the password box and press Enter', async () => {
    await workbench.quickInput.input.fill(SECRET);
    await workbench.quickInput.input.press('Enter');
  });
  await workbench.notifications.waitFor('key saved for "team-gw"');
  await waitForTreeItem(workbench, 'Providers', 'Team Gateway (team-gw)', '● active · key saved · chat · team-model');

  // A workspace-defined provider asks before it receives the user's saved key; Deny sends nothing.
  await workbench.palette.run('Switchboard: Test Connection');
  await workbench.quickInput.pick('team-gw');
  const question = await workbench.dialogs.waitFor();
  assert.equal(question.message, 'Send your saved API key for "team-gw" to 127.0.0.1:9?');
  assert.ok(question.buttons.includes('Allow') && question.buttons.includes('Deny'), question.buttons.join(', '));
  await workbench.dialogs.click('Deny');
  const refused = await workbench.notifications.waitFor('chose not to send');
  assert.equal(refused.severity, 'error');

  // The key never reaches the log.
  const log = await workbench.output.waitFor('Switchboard', 'Saved an API key for provider team-gw');
  assert.ok(!log.includes(SECRET), 'the log does not contain the key');

  // Select Model: a typed model name is used with the active provider.
  await workbench.palette.run('Switchboard: Select Model');
  await workbench.quickInput.answer('team-model-large', { expectClose: true });
  await workbench.statusBar.waitFor('$(plug) Team Gateway · team-model-large');

  // Add Custom Provider: a guided flow that appends a table to the user file, keeping its text.
  await workbench.palette.run('Switchboard: Add Custom Provider');
  await workbench.quickInput.answer('my-gw');
  await workbench.quickInput.answer('http://127.0.0.1:9/v1');
  await workbench.quickInput.pick('chat');
  await workbench.quickInput.pick('No authentication');
  await workbench.quickInput.answer(''); // no extra headers
  await workbench.quickInput.answer('gw-model');
  await workbench.quickInput.pick('User config');
  await workbench.notifications.waitFor('added provider "my-gw"');
  await waitForTreeItem(workbench, 'Providers', 'my-gw', 'no key needed · chat · gw-model');
  const userText = readFileSync(join(vscode.server.home, '.codex', 'config.toml'), 'utf8');
  assert.ok(userText.startsWith(USER_TOML), 'the user file keeps its original text');
  assert.match(userText.slice(USER_TOML.length), /^\n\[model_providers\.my-gw\]\n# Added by Switchboard: Add Custom Provider\nname = "my-gw"\nbase_url = "http:\/\/127\.0\.0\.1:9\/v1"\nwire_api = "chat"\ndefault_model = "gw-model"\n$/);

  // Break the TOML: the Problems panel points at the broken line; fix it and the entry clears.
  const file = join(vscode.server.workspace, 'codex.toml');
  const brokenAt = Date.now();
  writeFileSync(file, WORKSPACE_TOML.replace('wire_api = "chat"', 'wire_api = "chat'));
  const reactedMs = await workbench.steps.run('the status bar flags the broken file within about a second', async () => {
    await pollUntil(() => workbench.statusBar.items(), (all) => all.some((i) => i.text.startsWith('$(warning) Team Gateway')), 5_000, 'the warning icon');
    return Date.now() - brokenAt;
  });
  t.diagnostic(`status bar reacted to the file change in ${reactedMs} ms (file watcher, 200 ms debounce, reload, 250 ms polling)`);
  assert.ok(reactedMs < 2_500, `status bar updated after ${reactedMs} ms`);
  const problems = await workbench.problems.entries({ atLeast: 1 });
  const broken = problems.find((p) => p.file === 'codex.toml');
  assert.ok(broken, `a problem in codex.toml; got ${JSON.stringify(problems)}`);
  assert.equal(broken.line, 5);
  assert.equal(broken.severity, 'error');
  await workbench.statusBar.waitFor('$(warning) Team Gateway · team-model-large'); // last good config kept, error flagged

  writeFileSync(file, WORKSPACE_TOML);
  await waitForProblems(workbench, 'the codex.toml problem clears once the file is fixed', (rows) => !rows.some((r) => r.file === 'codex.toml'));
  await workbench.statusBar.waitFor('$(plug) Team Gateway · team-model-large');

  // The picks and the saved key survive a window reload.
  await workbench.load(vscode.server.workspaceUrl);
  await workbench.statusBar.waitFor('$(plug) Team Gateway · team-model-large');
  await workbench.views.openContainer('Switchboard');
  await waitForTreeItem(workbench, 'Providers', 'Team Gateway (team-gw)', '● active · key saved · chat · team-model');
});
