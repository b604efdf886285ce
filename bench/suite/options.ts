import { DbKind } from '../dataset/bench-database';

export interface BenchOptions {
  scales: number[];
  databases: DbKind[];
  quick: boolean;
  connections: number;
  warmupMs: number;
  durationMs: number;
  pragmas: boolean;
  extras: boolean;
  writeDoc: boolean;
  keep: boolean;
}

const USAGE = `npm run bench -- [--actions 100000[,1000000]] [--quick] [--db sqlite,postgres]
  [--connections 10] [--duration 5] [--no-pragmas] [--no-extras] [--no-doc] [--keep]`;

/** Parses the command line; --quick is the CI smoke size: short runs, no pragma comparison. */
export function parseOptions(argv: string[]): BenchOptions {
  const value = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const known = ['--actions', '--quick', '--db', '--connections', '--duration', '--no-pragmas', '--no-extras', '--no-doc', '--keep', '--help'];
  for (const arg of argv) if (arg.startsWith('--') && !known.includes(arg)) throw new Error(`Unknown option ${arg}\n${USAGE}`);
  if (argv.includes('--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  const quick = argv.includes('--quick');
  const scales = (value('--actions') ?? (quick ? '2000' : '10000')).split(',').map((s) => Number(s.trim()));
  if (scales.some((s) => !Number.isInteger(s) || s < 150 || s > 5_000_000)) throw new Error(`--actions takes whole numbers from 150 to 5000000\n${USAGE}`);
  const databases = (value('--db') ?? 'sqlite,postgres').split(',').map((d) => d.trim()) as DbKind[];
  if (databases.some((d) => d !== 'sqlite' && d !== 'postgres')) throw new Error(`--db takes sqlite and/or postgres\n${USAGE}`);
  // --quick is a smoke: it checks every route and page works under load; its figures are not kept in the doc.
  const seconds = Number(value('--duration') ?? (quick ? 0.25 : 5));
  return {
    scales,
    databases,
    quick,
    connections: Number(value('--connections') ?? 10),
    warmupMs: quick ? 100 : 1000,
    durationMs: Math.round(seconds * 1000),
    pragmas: !quick && !argv.includes('--no-pragmas'),
    extras: !argv.includes('--no-extras'),
    writeDoc: !argv.includes('--no-doc'),
    keep: argv.includes('--keep'),
  };
}
