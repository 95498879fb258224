import { parse } from 'smol-toml';
import { buildPositionIndex } from './src/core/config/locate';
import { validateTableAgainst } from './src/core/config/validateTable';
import { providerTableSchema } from './src/core/config/providerSchema';
const n = 2000;
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1/"\nenv_key = "P${i}_KEY"\nwire_api = "chat"\nhttp_headers = { "X-A" = "a", "X-B" = "b" }\nrequest_max_retries = 3\n[model_providers.p${i}.auth]\ncommand = "tok"\nargs = ["a"]\n`;
for (let k = 0; k < 4; k++) {
let t0 = performance.now();
const t = parse(text) as any;
let t1 = performance.now();
const idx = buildPositionIndex(text);
let t2 = performance.now();
for (const [id, v] of Object.entries(t.model_providers)) validateTableAgainst(providerTableSchema, v as any);
let t3 = performance.now();
for (let i = 0; i < n; i++) idx.find(['model_providers', `p${i}`, 'name']);
let t4 = performance.now();
console.log('parse', (t1-t0).toFixed(1), 'index', (t2-t1).toFixed(1), 'validate', (t3-t2).toFixed(1), 'find', (t4-t3).toFixed(1));
}
