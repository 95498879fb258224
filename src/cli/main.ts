/**
 * The `switchboard` command: argument parsing and dispatch to verbs.
 */
async function main(argv: string[]): Promise<number> {
  if (argv.includes('--version')) {
    process.stdout.write('switchboard 0.1.0\n');
    return 0;
  }
  process.stdout.write('usage: switchboard <providers|config|exec> ...\n');
  return 0;
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
