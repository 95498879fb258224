import { loadConfig } from './src/core/config/loadConfig';
import { createMemoryFs } from './test/helpers/memoryFs';
const n = 2000;
let text = 'model_provider = "p1999"\n';
for (let i = 0; i < n; i++) text += `[model_providers.p${i}]\nname = "Provider ${i}"\nbase_url = "https://p${i}.example.com/v1"\nenv_key = "P${i}_KEY"\nwire_api = "chat"\nhttp_headers = { "X-A" = "a" }\n`;
(async () => {
  const fs = createMemoryFs({ '/home/u/.codex/config.toml': text });
  for (let k = 0; k < 20; k++) await loadConfig({ cwd: '/w', env: {}, fs, homeDir: '/home/u', trustWorkspace: true });
})();
