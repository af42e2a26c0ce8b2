/**
 * Entry point of the `reorg` command line. Returns the exit code: 0 success, 1 invalid input,
 * 2 usage error, 3 `--fail-on` met.
 */
export async function main(argv: string[]): Promise<number> {
  const [command] = argv;
  process.stderr.write(`reorg: unknown command ${command ?? '(none)'}\n`);
  return 2;
}
