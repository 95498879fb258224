import { parse } from 'smol-toml';
import { loadConfig } from './src/core/config/loadConfig';
import { createMemoryFs } from './test/helpers/memoryFs';
const n = 2000;
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1"\nenv_key = "P${i}_KEY"\n`;
(async () => {
  const fs = createMemoryFs({ '/home/u/.codex/config.toml': text });
  let minParse = Infinity, minTotal = Infinity;
  for (let k = 0; k < 30; k++) {
    let t0 = performance.now(); parse(text); minParse = Math.min(minParse, performance.now() - t0);
    t0 = performance.now(); await loadConfig({ cwd: '/w', env: {}, fs, homeDir: '/home/u', trustWorkspace: true }); minTotal = Math.min(minTotal, performance.now() - t0);
  }
  console.log('bytes', text.length, 'min parse', minParse.toFixed(1), 'min total', minTotal.toFixed(1), 'ratio', (minTotal / minParse).toFixed(1));
})();
