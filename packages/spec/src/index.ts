/**
 * The bundled OpenAPI 3.1 contract of the InsightIQ Profiles API.
 *
 * ```ts
 * import { openapi } from '@insightiq/profiles-spec';
 * console.log(openapi.info.version);
 * ```
 * The same document is available as a file: `@insightiq/profiles-spec/openapi.json` (and `.yaml`).
 * @packageDocumentation
 */
import document from '../dist/openapi.json';

/** A JSON Schema object as the contract uses it (JSON Schema 2020-12, the dialect of OpenAPI 3.1). */
export interface SchemaObject {
  [keyword: string]: unknown;
}

/** One parameter of an operation. */
export interface ParameterObject {
  name: string;
  in: 'query' | 'path' | 'header' | 'cookie';
  required?: boolean;
  description?: string;
  schema: SchemaObject;
  example?: unknown;
}

/** One header of a response. */
export interface HeaderObject {
  description?: string;
  required?: boolean;
  schema: SchemaObject;
  example?: unknown;
}

/** A named example. */
export interface ExampleObject {
  summary?: string;
  description?: string;
  value: unknown;
}

/** One response of an operation. */
export interface ResponseObject {
  description: string;
  headers?: Record<string, HeaderObject | { $ref: string }>;
  content?: Record<
    string,
    { schema: SchemaObject; examples?: Record<string, ExampleObject | { $ref: string }> }
  >;
}

/** One operation (`GET /v1/profiles`, ...). */
export interface OperationObject {
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  parameters?: Array<ParameterObject | { $ref: string }>;
  responses: Record<string, ResponseObject | { $ref: string }>;
  'x-codeSamples'?: Array<{ lang: string; label?: string; source: string }>;
}

/** The bundled OpenAPI document: every `$ref` points inside it (`#/components/...`). */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers: Array<{ url: string; description?: string }>;
  security?: Array<Record<string, string[]>>;
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, SchemaObject>;
    parameters?: Record<string, ParameterObject>;
    headers?: Record<string, HeaderObject>;
    responses?: Record<string, ResponseObject>;
    examples?: Record<string, ExampleObject>;
    securitySchemes?: Record<string, unknown>;
  };
  [key: string]: unknown;
}

/** The bundled contract. Treat it as read-only: it is shared by every importer. */
export const openapi: OpenApiDocument = document as unknown as OpenApiDocument;

export default openapi;
