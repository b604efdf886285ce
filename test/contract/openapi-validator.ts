import Ajv, { ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;
type Content = Record<string, { schema?: Schema }>;
type Operation = { responses: Record<string, { content?: Content }> };
export type OpenApiDocument = { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

export const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const REF = '#/components/schemas/';
const DOC_ID = 'openapi-document';

/**
 * OpenAPI 3.0 schemas as strict JSON Schema: `nullable` becomes "or null", and every object that names its
 * properties refuses any other (additionalProperties: false), so a field the document does not describe fails.
 * Objects that name no properties (free-form, or maps with their own additionalProperties) are left as written.
 */
export function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as Schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(rest)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF)) out[key] = `${DOC_ID}${value}`;
    else if (key === 'properties') out[key] = Object.fromEntries(Object.entries(value as Schema).map(([name, s]) => [name, strict(s)]));
    else if (key === 'example' || key === 'examples') out[key] = value;
    else out[key] = strict(value);
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false;
  return nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

/** Validates response bodies against the 2xx schemas of an OpenAPI document, refs resolved through its components. */
export class ResponseValidator {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly document: OpenApiDocument) {
    this.ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    this.ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    this.ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
    this.ajv.addFormat('binary', true);
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas: strict(document.components?.schemas ?? {}) } });
  }

  /** Every operation of the document, as "METHOD /path/{param}". */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, item]) => METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${path}`));
  }

  /** The documented response of an operation for a status, or undefined. */
  response(operation: string, status: number) {
    const [method, path] = operation.split(' ');
    return this.document.paths[path]?.[method.toLowerCase()]?.responses[String(status)];
  }

  /**
   * What is wrong with this answer by the document (an empty list when nothing is): its status must be documented;
   * a JSON body needs a JSON schema and must pass it; a 204 has no content; any other body needs a documented file.
   */
  problems(operation: string, status: number, contentType: string | undefined, body: unknown): string[] {
    const documented = this.response(operation, status);
    if (!documented) return [`${operation} answered ${status}, which the document does not list`];
    const content = documented.content ?? {};
    if (status === 204) return Object.keys(content).length ? [`${operation} 204 is documented with content`] : [];
    if (!contentType) return [`${operation} ${status} answered without a Content-Type`];
    if (!contentType.startsWith('application/json')) {
      const file = Object.values(content).some((c) => c.schema?.type === 'string' && c.schema.format === 'binary');
      return file ? [] : [`${operation} ${status} answers ${contentType}, but the document names no file (binary string) for it`];
    }
    const schema = content['application/json']?.schema;
    if (!schema) return [`${operation} ${status} answers JSON but the document gives no schema for it`];
    const key = `${operation} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) this.compiled.set(key, (validate = this.ajv.compile(strict(schema) as Schema)));
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${key}: ${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  }
}
