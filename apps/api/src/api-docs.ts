import { INestApplication } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ApiModule } from './app.module';
import { PUBLIC_OPERATION } from './common/decorators';

type Operation = {
  operationId?: string;
  summary?: string;
  parameters?: unknown[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
  security?: Record<string, string[]>[];
  [PUBLIC_OPERATION]?: boolean;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * The OpenAPI document: by default the JSON API that scripts use (`/api/...`, the calendar feed and health);
 * with `pages`, the browser's form routes too (the hostile-input test sends to every route it lists).
 */
export function apiDocument(app: INestApplication, { pages = false } = {}): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Improvement Tracker API')
    .setDescription(
      'Inspection findings to tracked, reviewed, reminded actions. Sign in with POST /api/v1/auth/sign-in (cookie) or send "Authorization: Bearer <personal API token>". Every failure answers `{error: {status, code, message, details?}}`.',
    )
    .setVersion('1')
    .addServer(app.get<AppConfig>(APP_CONFIG).publicUrl)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A personal API token (POST /api/v1/auth/tokens)' })
    .addCookieAuth('it_session')
    .addSecurityRequirements('bearer')
    .addSecurityRequirements('cookie')
    .build();
  const document = SwaggerModule.createDocument(app, config, pages ? {} : { include: [ApiModule] });
  return finishDocument(document);
}

export function setupApiDocs(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => apiDocument(app));
}

/** What every operation shares: who may call it, a summary, and the refusals it can answer with. */
export function finishDocument(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Error: ERROR_SCHEMA } };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) finishOperation(path, method, operation);
    }
  }
  return document;
}

function finishOperation(path: string, method: string, operation: Operation): void {
  const isPublic = operation[PUBLIC_OPERATION] === true;
  delete operation[PUBLIC_OPERATION];
  if (isPublic) operation.security = [];
  operation.summary ??= summaryFrom(operation.operationId ?? `${method} ${path}`);
  const refusals: [string, string][] = [];
  if (operation.parameters?.length || operation.requestBody) refusals.push(['400', 'The request is not valid: the message names the field and what to send']);
  if (!isPublic) refusals.push(['401', 'Not signed in'], ['403', 'Your role does not allow this, or the request came from another site']);
  if (path.includes('{')) refusals.push(['404', 'Not found in your council']);
  if (operation.requestBody) refusals.push(['422', 'The change breaks a rule of the plan: the message says which']);
  if (refusals.length === 0) refusals.push(['429', 'Too many requests: wait for the Retry-After seconds']);
  for (const [status, description] of refusals) operation.responses[status] ??= errorResponse(description);
}

/** `ActionsController_changeStatus` → "Change status", for routes without a written summary. */
export function summaryFrom(operationId: string): string {
  const name = operationId.split('_')[1] ?? operationId;
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['status', 'code', 'message'],
      properties: {
        status: { type: 'integer' },
        code: { type: 'string', description: 'Stable, for scripts: e.g. invalid_request, not_found, version_conflict' },
        message: { type: 'string', description: 'For people: what went wrong and what to do' },
        details: { description: 'More about the failure, when there is more to say' },
      },
    },
  },
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});
