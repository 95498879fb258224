import { test } from 'node:test';
import { createServer } from 'node:http';
import { startVsCode } from './lib/session';

test('scratch', { timeout: 300_000 }, async (t) => {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/v1/models')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: [{ id: 'alpha-1' }, { id: 'beta-2' }] }));
    } else { res.writeHead(404); res.end('{}'); }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.after(() => server.close());
  const port = (server.address() as { port: number }).port;
  const vscode = await startVsCode({
    testName: 'scratch-providers',
    workspaceFiles: { 'README.md': '# x\n' },
    homeFiles: { '.codex/config.toml': `profile = "fast"\n[profiles.fast]\nmodel_provider = "loc"\n\n[model_providers.loc]\nname = "Local"\nbase_url = "http://127.0.0.1:${port}/v1"\nwire_api = "chat"\n`, '.codex/work.config.toml': 'model = "beta-2"\n' },
  });
  t.after(() => vscode.close());
  const { workbench } = vscode;
  await workbench.views.openContainer('Switchboard');
  await workbench.views.treeItems('Providers', { atLeast: 8 });
  await workbench.palette.run('Switchboard: List Models');
  await workbench.quickInput.pick('loc');
  await workbench.notifications.waitFor('lists 2 model');
  await workbench.views.clickTreeItem('Providers', 'Local (loc)');
  await workbench.views.treeItems('Providers', { atLeast: 10 });
  await workbench.palette.run('Switchboard: Test Connection');
  await workbench.quickInput.pick('loc');
  await workbench.notifications.waitFor('reachable');
  await workbench.palette.run('Switchboard: Select Model');
  await workbench.quickInput.pick('beta-2');
  await workbench.statusBar.waitFor('Local · beta-2');
  await workbench.palette.run('Switchboard: Select Profile');
  await workbench.quickInput.pick('work');
  await workbench.statusBar.waitFor('· beta-2');
  await workbench.palette.run('Switchboard: Explain Active Configuration');
  await new Promise((r) => setTimeout(r, 3000));
  await workbench.screenshot('explain');
  await workbench.palette.run('Switchboard: Open User Config');
  await new Promise((r) => setTimeout(r, 1500));
  await workbench.screenshot('user config');
  await workbench.palette.run('Switchboard: Copy Provider as TOML');
  await workbench.quickInput.pick('loc');
  await workbench.notifications.waitFor('copied');
  await workbench.page.mouse.move(150, 140);
  await workbench.screenshot('hover');
});
