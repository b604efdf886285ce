import { INestApplicationContext } from '@nestjs/common';
import { AuthorityService } from '@app/core';
import { CliError } from '../cli-error';

export async function resolveAuthority(app: INestApplicationContext, key: string) {
  const authority = await app.get(AuthorityService).findBySlugOrId(key);
  if (!authority) throw new CliError(`No authority "${key}": list them with "npm run cli -- authorities:list" or create one with authorities:create`);
  return authority;
}
