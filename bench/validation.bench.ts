import 'reflect-metadata';
import * as path from 'node:path';
import type { ArgumentMetadata, PipeTransform } from '@nestjs/common';

/**
 * How long the API's validation pipe takes to check a request, with every DTO of the API loaded (as in
 * the running API, where class-validator knows all of them) and six DTOs checked in turn (so its code
 * sees many shapes, as it does serving requests): each check of a DTO is followed by one of another, and
 * the time is shared between the two. Prints the best of 8 rounds of 5,000 per DTO, in µs a check.
 *
 *   node dist/bench/validation.bench.js [--root <another checkout, built>]
 *
 * `--root` measures another build's pipe and DTOs (a clone of an older commit with `npm run build`
 * run in it), for a before and after on the same machine.
 */
const ROUNDS = 8;
const PER_ROUND = 5000;
const ID = '0190f3a2-7b1c-7d2e-8f00-123456789abc';

function main(): Promise<void> {
  const at = process.argv.indexOf('--root');
  const root = path.resolve(at >= 0 ? process.argv[at + 1] : path.join(__dirname, '../..'));
  const built = (file: string) => require(path.join(root, 'dist/apps/api/src', file)) as Record<string, unknown>;
  built('app.module.js');
  const pipe = (built('common/validation.js').strictValidationPipe as () => PipeTransform)();
  const dto = built('actions/actions.dto.js') as Record<string, ArgumentMetadata['metatype']>;
  const cases: [string, ArgumentMetadata, () => unknown][] = [
    ['list query (overdue, owner)', { type: 'query', metatype: dto.ActionListQuery }, () => ({ overdue: 'true', ownerId: ID })],
    ['status change', { type: 'body', metatype: dto.ChangeStatusDto }, () => ({ version: 3, status: 'in_progress' })],
    ['note', { type: 'body', metatype: dto.NoteDto }, () => ({ body: 'Reviewed with the team manager' })],
    ['new action', { type: 'body', metatype: dto.CreateActionDto }, () => ({ title: 'Audit', timescale: 'immediately', ownerId: ID })],
    ['action change', { type: 'body', metatype: dto.UpdateActionDto }, () => ({ version: 1, title: 'Audit the files' })],
    ['milestone', { type: 'body', metatype: dto.MilestoneDto }, () => ({ title: 'Half the files', dueDate: '2026-12-10' })],
  ];
  return measure(pipe, cases).then((best) => {
    console.log(`validation pipe of ${root}, µs per request (best of ${ROUNDS} rounds of ${PER_ROUND}):`);
    for (const [label, us] of best) console.log(`  ${label.padEnd(28)} ${us.toFixed(1)}`);
  });
}

async function measure(pipe: PipeTransform, cases: [string, ArgumentMetadata, () => unknown][]): Promise<Map<string, number>> {
  const best = new Map<string, number>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [label, metadata, value] of cases) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < PER_ROUND; i++) {
        await pipe.transform(value(), metadata);
        // Another DTO between two of this one, as requests of all kinds come in.
        const [, otherMetadata, otherValue] = cases[i % cases.length];
        await pipe.transform(otherValue(), otherMetadata);
      }
      const us = Number(process.hrtime.bigint() - started) / 1000 / (2 * PER_ROUND);
      best.set(label, Math.min(best.get(label) ?? Infinity, us));
    }
  }
  return best;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
