import { parseTomlText } from './src/core/config/tomlParse';
import { createLayer } from './src/core/config/layers';
import { mergeProviders } from './src/core/config/mergeProviders';
const n = 2000;
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1"\nenv_key = "P${i}_KEY"\nwire_api = "chat"\nhttp_headers = { "X-A" = "a" }\n`;
const parsed = parseTomlText(text, '/f') as any;
const layer = createLayer({ kind: 'file', source: 'user', file: '/f', baseDir: '/', table: parsed.table, positions: parsed.positions, prefix: [], fromWorkspace: false }, []);
for (let k = 0; k < 100; k++) mergeProviders([layer], { homeDir: '/h', builtinBaseUrls: new Map() }, []);
