import { buildProgram } from '../../apps/cli/src/program';

/**
 * Runs a command of the command line in this process; answers what it printed on standard output, in order
 * (console.log lines and direct writes). Not in the kit's index, so suites that do not run the CLI do not load it.
 */
export async function runCli(...args: string[]): Promise<string> {
  const out: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a) => void out.push(a.join(' ') + '\n'));
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  try {
    await buildProgram().parseAsync(args, { from: 'user' });
    return out.join('');
  } finally {
    log.mockRestore();
    write.mockRestore();
  }
}
