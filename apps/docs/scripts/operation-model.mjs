// The contract's operations and schemas as plain data (texts raw), for the landing page's HTML
// (static-operations.mjs) and the pages for agents (agent-pages.mjs). Every rule of the walk ($refs,
// cycles, nested fields, types, bounds, defaults) is here, once; the renderers only format.
import { parameterRules } from '@insightiq/profiles-spec/parameters';
import { followRefs } from '@insightiq/profiles-spec/validate';

const resolve = (doc, value) => followRefs(doc, value, '').value;
/** The schema name a `$ref` points to (`#/components/schemas/Profile` → `Profile`), if any. */
const refName = (value) =>
  typeof value?.$ref === 'string' ? decodeURIComponent(value.$ref.split('/').pop()) : undefined;
/** A schema's default as JSON text (`20`, `"asc"`), if it has one. */
const defaultText = (schema) => (schema?.default === undefined ? undefined : JSON.stringify(schema.default));
/** The kinds of an `anyOf` or `oneOf` but null. */
const nonNull = (doc, kinds = []) => kinds.filter((s) => resolve(doc, s)?.type !== 'null');
/** `required` or `optional`. */
export const presence = (required) => (required ? 'required' : 'optional');

/** Every operation of the document, in its order. */
export function operationsOf(doc) {
  return Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => op && typeof op === 'object' && op.operationId)
      .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
  );
}

/** A schema's type in words: `string (uuid)`, `array of object (Email)`, `string (Timestamp)`. */
function typeText(doc, value) {
  const schema = resolve(doc, value) ?? {};
  const name = refName(value);
  let base;
  if (schema.anyOf || schema.oneOf) {
    const kinds = nonNull(doc, schema.anyOf ?? schema.oneOf);
    base = kinds.map((s) => typeText(doc, s)).join(' or ');
  } else if (schema.type === 'array' || schema.items) {
    base = `array of ${typeText(doc, schema.items ?? {})}`;
  } else {
    const types = [schema.type ?? (schema.properties ? 'object' : 'any')].flat();
    base = types.filter((t) => t !== 'null').join(' or ') || 'null';
    if (schema.format) base += ` (${schema.format})`;
  }
  return name ? `${base} (${name})` : base;
}

/** Whether a schema allows null. */
function isNullable(doc, value) {
  const schema = resolve(doc, value) ?? {};
  const kinds = schema.anyOf ?? schema.oneOf ?? [];
  return (
    [schema.type].flat().includes('null') ||
    (schema.enum ?? []).includes(null) ||
    kinds.some((s) => isNullable(doc, s))
  );
}

/** The bounds, values and default a schema states, in words. */
function constraints(schema, { pattern = true } = {}) {
  const words = [];
  if (schema.enum) words.push(`one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`);
  if (typeof schema.minimum === 'number') words.push(`minimum ${schema.minimum}`);
  if (typeof schema.maximum === 'number') words.push(`maximum ${schema.maximum}`);
  if (pattern && schema.pattern) words.push(`pattern \`${schema.pattern}\``);
  if (schema.default !== undefined) words.push(`default ${defaultText(schema)}`);
  return words;
}

/** The value of the object schema whose fields a value holds (itself, or its array's items), if any. */
function fieldsHolder(doc, value) {
  const schema = resolve(doc, value) ?? {};
  if (schema.properties) return value;
  if (schema.items) return fieldsHolder(doc, schema.items);
  const kinds = nonNull(doc, schema.anyOf ?? schema.oneOf);
  return kinds.length === 1 ? fieldsHolder(doc, kinds[0]) : undefined;
}

/**
 * Every field of an object schema, flattened: nested ones after their parent, one `depth` deeper,
 * their `path` `parent.child` (`list[].child` for an array's items). Inline objects are always
 * expanded; named ones (`$ref`) only when `deep`, and once per path (`seen` cuts cycles).
 */
function fieldsOf(doc, value, { deep = true, seen = new Set(), prefix = '', depth = 0 } = {}) {
  const schema = resolve(doc, value) ?? {};
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, prop]) => {
    const target = resolve(doc, prop) ?? {};
    const [path, type, nullable] = [`${prefix}${name}`, typeText(doc, prop), isNullable(doc, prop)];
    const bounds = constraints(target, { pattern: !refName(prop) });
    const description = prop.description ?? target.description;
    const field = { name, path, depth, type, required: required.has(name), nullable, bounds, description };
    const holder = fieldsHolder(doc, prop);
    const named = refName(holder);
    if (!holder || (named && (!deep || seen.has(named)))) return [field];
    const items = type.startsWith('array') ? '[]' : '';
    const inner = { deep, seen: new Set(seen).add(named), prefix: `${path}${items}.`, depth: depth + 1 };
    return [field, ...fieldsOf(doc, holder, inner)];
  });
}

/** A schema of the document (`name`): type, nullable or not, bounds, description, fields (not `$ref`s). */
export function schemaModel(doc, name, schema) {
  const fields = fieldsOf(doc, schema, { deep: false, seen: new Set([name]) });
  const [type, nullable, bounds] = [typeText(doc, schema), isNullable(doc, schema), constraints(schema)];
  return { name, type, nullable, bounds, description: schema.description, fields };
}

/** One response: its status, description, headers, and each body's type and fields. */
function responseModel(doc, status, value) {
  const response = resolve(doc, value) ?? {};
  const header = ([name, h]) => ({ name, description: resolve(doc, h)?.description });
  const bodies = Object.entries(response.content ?? {}).filter(([, media]) => media.schema);
  const body = ([mediaType, { schema }]) => {
    const fields = fieldsOf(doc, schema, { seen: new Set([refName(schema)]) });
    return { mediaType, type: typeText(doc, schema), fields };
  };
  const headers = Object.entries(response.headers ?? {}).map(header);
  return { status, description: response.description, headers, bodies: bodies.map(body) };
}

/** A code sample (`x-codeSamples`): its language, its title (`lang: label`) and its source. */
const sample = ({ lang, label, source }) => ({ lang, title: label ? `${lang}: ${label}` : lang, source });

/**
 * An operation (`{ method, path, op }` of operationsOf) as plain data: `summary` falls back to the
 * operation id; each parameter carries its rule in the words of parameterRules, its default as JSON.
 */
export function operationModel(doc, { method, path, op }, rules = parameterRules(doc)) {
  // parameterRules states every parameter (it throws on one it cannot), in the operation's order.
  const opRules = rules[op.operationId] ?? [];
  const parameters = (op.parameters ?? []).map((ref, i) => {
    const { name, in: where, required = false, schema = {}, description } = resolve(doc, ref);
    const [type, rule] = [typeText(doc, schema), opRules[i].rule];
    return { name, in: where, type, required, rule, default: defaultText(schema), description };
  });
  const responses = Object.entries(op.responses ?? {}).map(([status, r]) => responseModel(doc, status, r));
  const samples = (op['x-codeSamples'] ?? []).map(sample);
  const { operationId: id, description } = op;
  return { id, method, path, summary: op.summary ?? id, description, parameters, responses, samples };
}
