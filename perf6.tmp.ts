import { parse } from 'smol-toml';
import { parseTomlText } from './src/core/config/tomlParse';
import { buildPositionIndex } from './src/core/config/locate';
import { createLayer } from './src/core/config/layers';
import { mergeProviders } from './src/core/config/mergeProviders';
import { mergeSettings } from './src/core/config/settings';
import { readProviderTable } from './src/core/config/providerTable';
import { validateTableAgainst } from './src/core/config/validateTable';
import { providerTableSchema } from './src/core/config/providerSchema';
const n = 2000;
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1"\nenv_key = "P${i}_KEY"\nwire_api = "chat"\nhttp_headers = { "X-A" = "a" }\n`;
const mins: Record<string, number> = {};
const time = (k: string, f: () => unknown) => { const t0 = performance.now(); const r = f(); const d = performance.now() - t0; mins[k] = Math.min(mins[k] ?? Infinity, d); return r; };
for (let k = 0; k < 30; k++) {
  time('parse', () => parse(text));
  time('index', () => buildPositionIndex(text));
  const parsed = time('parseTomlText', () => parseTomlText(text, '/f')) as any;
  const layer = createLayer({ kind: 'file', source: 'user', file: '/f', baseDir: '/', table: parsed.table, positions: parsed.positions, prefix: [], fromWorkspace: false }, []);
  time('validate', () => { for (const v of Object.values(parsed.table.model_providers)) validateTableAgainst(providerTableSchema, v as any); });
  time('readProviderTable', () => { for (const [id, v] of Object.entries(parsed.table.model_providers)) readProviderTable(layer, id, v, { homeDir: '/h' }, []); });
  time('mergeProviders', () => mergeProviders([layer], { homeDir: '/h', builtinBaseUrls: new Map() }, []));
  time('settings', () => mergeSettings([layer]));
}
console.log(Object.entries(mins).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('  '));
