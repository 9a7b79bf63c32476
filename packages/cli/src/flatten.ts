import { openapi } from '@insightiq/profiles-spec';
import { valueAtPointer } from '@insightiq/profiles-spec/validate';

type Schema = { $ref?: string; type?: string | string[]; properties?: Record<string, Schema> };

const resolve = (schema: Schema): Schema =>
  schema.$ref ? resolve(valueAtPointer(openapi, schema.$ref.slice(1)) as Schema) : schema;

/**
 * The columns of a flattened profile, read from the contract's `Profile` schema in its order:
 * nested objects become dotted paths (`work_platform.name`), arrays stay one column. The same for
 * every profile, whatever fields it has or lacks.
 */
export function profileColumns(): string[] {
  const walk = (schema: Schema, prefix: string): string[] =>
    Object.entries(resolve(schema).properties ?? {}).flatMap(([name, property]) => {
      const s = resolve(property);
      const types = Array.isArray(s.type) ? s.type : [s.type];
      return types.includes('object') && s.properties ? walk(s, `${prefix}${name}.`) : [`${prefix}${name}`];
    });
  return walk(openapi.components.schemas.Profile as Schema, '');
}

/** The value at a dotted column of a profile: `undefined` where a level is missing or null. */
export function valueAt(profile: unknown, column: string): unknown {
  let value = profile;
  for (const key of column.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A cell's text: empty for null or missing, JSON for arrays and objects. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
