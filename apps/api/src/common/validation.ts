import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, MetadataStorage } from 'class-validator';
import { badRequest } from '@app/core';

/** Deeper than any request of ours; class-transformer recurses, so a body 20,000 levels deep overflowed the stack. */
export const MAX_BODY_DEPTH = 32;

/** Strict DTOs: unknown fields are refused by name, values are converted to the declared types. */
export function strictValidationPipe(): ValidationPipe {
  rememberEachClassRules();
  return new StrictValidationPipe({
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

/** What a client sends (body and query) is checked for depth and NUL characters first, and holds only what was sent after. */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata) {
    const sent = metadata.type === 'body' || metadata.type === 'query';
    if (sent) refuseUnstorable(value);
    const checked = await super.transform(value, metadata);
    return sent ? dropUnsent(checked) : checked;
  }
}

/**
 * Input no database can keep, refused before anything else: deeper than any request of ours
 * (class-transformer recurses, so 20,000 levels overflowed the stack), or text with a NUL character
 * (PostgreSQL refuses it in text columns: a 500 where SQLite stored it). Iterative, so it cannot overflow.
 */
function refuseUnstorable(value: unknown): void {
  const stack: [unknown, number, string][] = [[value, 0, '']];
  while (stack.length) {
    const [item, depth, field] = stack.pop()!;
    if (typeof item === 'string' && item.includes('\u0000'))
      throw badRequest('nul_character', `${field || 'The request'} contains a NUL character (\\u0000), which cannot be stored: remove it`);
    if (item === null || typeof item !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH)
      throw badRequest(
        'too_deeply_nested',
        `The request is nested more than ${MAX_BODY_DEPTH} levels deep: send the fields the API documents, at their own depth`,
      );
    for (const [key, child] of Object.entries(item)) stack.push([child, depth + 1, field ? `${field}.${key}` : key]);
  }
}

/**
 * A DTO holds what was sent and nothing more. Its declared fields exist on every instance (ES2022 class
 * fields), as undefined when left out, and spreading such an instance over stored values blanked them:
 * a partial settings object answered 500, a partial rules object 422. Walks nested DTOs and arrays.
 */
export function dropUnsent<T>(value: T): T {
  if (Array.isArray(value)) value.forEach(dropUnsent);
  else if (value !== null && typeof value === 'object')
    for (const [key, field] of Object.entries(value)) {
      if (field === undefined) delete (value as Record<string, unknown>)[key];
      else dropUnsent(field);
    }
  return value;
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

type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;

/**
 * class-validator looks a class's rules up again at each validation, by walking every class that has
 * rules to find its ancestors, then grouping them by field: about a fifth of validating a query of
 * the action list, with all of the API's DTOs loaded. The rules only change when a class is declared,
 * so each class's are kept, and forgotten whenever rules are added.
 */
function rememberEachClassRules(): void {
  const storage = getMetadataStorage() as MetadataStorage & { rulesRemembered?: true };
  if (storage.rulesRemembered) return;
  storage.rulesRemembered = true;
  let kept = new Map<string, WeakMap<object, Rules>>();
  let grouped = new WeakMap<Rules, Record<string, Rules>>();
  const forget = () => {
    kept = new Map();
    grouped = new WeakMap();
  };
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addRule = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => (forget(), addRule(metadata));
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (schema || groups?.length) return find(target, schema, always, strictGroups, groups);
    const options = `${always}|${strictGroups}`;
    const byClass = kept.get(options) ?? kept.set(options, new WeakMap()).get(options)!;
    let rules = byClass.get(target);
    if (!rules) byClass.set(target, (rules = find(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let byField = grouped.get(rules);
    if (!byField) grouped.set(rules, (byField = group(rules)));
    return byField;
  };
}
