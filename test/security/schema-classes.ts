import { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

// The metadata keys @nestjs/swagger writes (its constants are not exported): the properties a class
// documents, each one's options, a handler's (or controller's) responses and extra models, a schema name set.
const PROPERTIES = 'swagger/apiModelPropertiesArray';
const PROPERTY = 'swagger/apiModelProperties';
const RESPONSES = 'swagger/apiResponse';
const EXTRA_MODELS = 'swagger/apiExtraModels';
const SCHEMA = 'swagger/apiSchema';

type Model = { name: string; prototype: object };
const BUILT_IN = new Set<unknown>([String, Number, Boolean, Date, Object, Array, Buffer]);

/** The class a property's or response's `type` names (a class, [class] or a lazy () => class), if it documents properties. */
function modelOf(type: unknown): Model | undefined {
  if (Array.isArray(type)) return modelOf(type[0]);
  if (typeof type !== 'function' || BUILT_IN.has(type)) return undefined;
  if (!type.prototype) return modelOf((type as () => unknown)());
  return Reflect.hasMetadata(PROPERTIES, type.prototype) ? (type as Model) : undefined;
}

/** The name the class's schema takes in the document: the one @ApiSchema gives, else the class name. */
export function schemaName(model: Model): string {
  const named: { name?: string }[] = Reflect.getOwnMetadata(SCHEMA, model) ?? [];
  return named[named.length - 1]?.name ?? model.name;
}

/** Every class reachable from these through documented properties, by schema name: a name with two classes is a collision. */
export function schemaClasses(roots: unknown[]): Map<string, Set<Model>> {
  const byName = new Map<string, Set<Model>>();
  const seen = new Set<Model>();
  const visit = (type: unknown) => {
    const model = modelOf(type);
    if (!model || seen.has(model)) return;
    seen.add(model);
    const name = schemaName(model);
    byName.set(name, new Set([...(byName.get(name) ?? []), model]));
    for (const key of (Reflect.getMetadata(PROPERTIES, model.prototype) as string[]) ?? []) {
      const options = Reflect.getMetadata(PROPERTY, model.prototype, key.replace(/^:/, '')) as { type?: unknown } | undefined;
      visit(options?.type);
    }
  };
  roots.forEach(visit);
  return byName;
}

/** The classes the app's controllers name: their handlers' parameter types, documented responses and extra models. */
export function controllerModels(app: INestApplication): unknown[] {
  const found: unknown[] = [];
  const responses = (target: object) => Object.values((Reflect.getMetadata(RESPONSES, target) ?? {}) as Record<string, { type?: unknown }>).map((r) => r.type);
  for (const module of app.get(ModulesContainer).values())
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } | null;
      if (!controller) continue;
      found.push(...responses(controller), ...((Reflect.getMetadata(EXTRA_MODELS, controller) as unknown[]) ?? []));
      for (const key of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[key];
        if (key === 'constructor' || typeof handler !== 'function') continue;
        found.push(...((Reflect.getMetadata('design:paramtypes', controller.prototype, key) as unknown[]) ?? []));
        found.push(...responses(handler), ...((Reflect.getMetadata(EXTRA_MODELS, handler) as unknown[]) ?? []));
      }
    }
  return found;
}
