import { parse } from 'smol-toml';
import { buildPositionIndex } from './src/core/config/locate';
import { validateTableAgainst } from './src/core/config/validateTable';
import { providerTableSchema } from './src/core/config/providerSchema';
import { loadConfig } from './src/core/config/loadConfig';
import { createMemoryFs } from './test/helpers/memoryFs';
const n = 2000;
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1"\nenv_key = "P${i}_KEY"\nwire_api = "chat"\nhttp_headers = { "X-A" = "a" }\n`;
const cpu = (f: () => void) => { const a = process.cpuUsage(); f(); const b = process.cpuUsage(a); return ((b.user + b.system) / 1000).toFixed(1); };
(async () => {
console.log('bytes', text.length);
for (let k = 0; k < 6; k++) {
  let t: any;
  const p = cpu(() => { t = parse(text); });
  const ix = cpu(() => buildPositionIndex(text));
  const v = cpu(() => { for (const x of Object.values(t.model_providers)) validateTableAgainst(providerTableSchema, x as any); });
  const fs = createMemoryFs({ '/home/u/.codex/config.toml': text });
  const a = process.cpuUsage();
  const r = await loadConfig({ cwd: '/w', env: {}, fs, homeDir: '/home/u', trustWorkspace: true });
  const b = process.cpuUsage(a);
  console.log('parse', p, 'index', ix, 'validate', v, 'total', ((b.user + b.system) / 1000).toFixed(1), r.providers.length, r.diagnostics.length);
}
})();
