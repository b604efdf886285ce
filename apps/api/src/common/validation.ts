import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badRequest } from '@app/core';

/** Deeper than any request of ours; class-transformer recurses, so a body 20,000 levels deep overflowed the stack. */
export const MAX_BODY_DEPTH = 32;

/** Strict DTOs: unknown fields are refused by name, values are converted to the declared types. */
export function strictValidationPipe(): ValidationPipe {
  return new DepthCheckingValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    exceptionFactory: (errors) => {
      const problems = flatten(errors);
      return badRequest('invalid_request', problems.map((p) => p.message).join('; '), problems);
    },
  });
}

class DepthCheckingValidationPipe extends ValidationPipe {
  override transform(value: unknown, metadata: ArgumentMetadata) {
    if (depthOver(value, MAX_BODY_DEPTH))
      throw badRequest(
        'too_deeply_nested',
        `The request is nested more than ${MAX_BODY_DEPTH} levels deep: send the fields the API documents, at their own depth`,
      );
    return super.transform(value, metadata);
  }
}

/** Whether `value` holds objects or arrays more than `limit` levels deep; iterative, so it cannot overflow. */
function depthOver(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return false;
}

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith('property ') ? `unknown field "${field}": remove it` : message.replace(e.property, field),
    }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}
