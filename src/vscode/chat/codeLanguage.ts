/**
 * The VS Code language id for a code block's fence language (`ts` -> `typescript`), for opening
 * a block as a new untitled file. Pure.
 */

const ALIASES: Record<string, string> = {
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescriptreact',
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  node: 'javascript',
  jsx: 'javascriptreact',
  py: 'python',
  python3: 'python',
  sh: 'shellscript',
  bash: 'shellscript',
  zsh: 'shellscript',
  shell: 'shellscript',
  console: 'shellscript',
  ps1: 'powershell',
  pwsh: 'powershell',
  yml: 'yaml',
  md: 'markdown',
  rb: 'ruby',
  rs: 'rust',
  golang: 'go',
  cs: 'csharp',
  'c#': 'csharp',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  h: 'c',
  kt: 'kotlin',
  kts: 'kotlin',
  docker: 'dockerfile',
  html: 'html',
  xml: 'xml',
  svg: 'xml',
  jsonc: 'jsonc',
  json5: 'json',
  text: 'plaintext',
  txt: 'plaintext',
  plain: 'plaintext',
  diff: 'diff',
  patch: 'diff',
};

/** The language id for `fence` if VS Code knows it (`known`), else `plaintext`. */
export function languageIdForFence(fence: string | undefined, known: ReadonlySet<string>): string {
  const name = (fence ?? '').trim().toLowerCase().split(/[\s{]/, 1)[0] ?? '';
  if (name === '') return 'plaintext';
  const id = ALIASES[name] ?? name;
  return known.has(id) ? id : 'plaintext';
}
