import { loadConfig } from './src/core/config/loadConfig';
import { createMemoryFs } from './test/helpers/memoryFs';
const n = Number(process.argv[2] ?? 2000);
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1/"\nenv_key = "P${i}_KEY"\nwire_api = "chat"\nhttp_headers = { "X-A" = "a", "X-B" = "b" }\nrequest_max_retries = 3\n[model_providers.p${i}.auth]\ncommand = "tok"\nargs = ["a"]\n`;
console.log('bytes', text.length);
(async () => {
  const fs = createMemoryFs({ '/home/u/.codex/config.toml': text });
  for (let k = 0; k < 8; k++) {
    const t0 = performance.now();
    const r = await loadConfig({ cwd: '/w', env: {}, fs, homeDir: '/home/u', trustWorkspace: true });
    const t1 = performance.now();
    console.log((t1 - t0).toFixed(1), 'ms', r.providers.length, r.diagnostics.length);
  }
})();
