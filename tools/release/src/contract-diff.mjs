// Classifies every difference between two bundled OpenAPI documents (the last released contract and
// the current one) as breaking or not, for consumers of the API's clients:
//   breaking: a removed path, operation, parameter, 2xx response or response field; a narrowed type
//   or enum; a new required request parameter; a response field made optional or nullable; a
//   tightened bound on a parameter.
// Everything else is non-breaking. Each change names the JSON pointer where it happens (in the
// document that has it: the old one for removals, the new one otherwise).
import { escapePointer, followRefs } from '@insightiq/profiles-spec/validate';

const esc = (s) => escapePointer(String(s));
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const BOUNDS = {
  // keyword: which direction tightens it
  minimum: 'up',
  exclusiveMinimum: 'up',
  minLength: 'up',
  minItems: 'up',
  maximum: 'down',
  exclusiveMaximum: 'down',
  maxLength: 'down',
  maxItems: 'down',
};

/** Follows `$ref`s inside a document; returns the value and the pointer it lives at. */
const resolve = followRefs;

/** The JSON types a schema admits (undefined: any), seeing through `anyOf: [X, {type: 'null'}]`. */
function typesOf(doc, schema) {
  const s = resolve(doc, schema, '').value ?? {};
  if (Array.isArray(s.anyOf) || Array.isArray(s.oneOf)) {
    const all = new Set();
    for (const branch of s.anyOf ?? s.oneOf) {
      const t = typesOf(doc, branch);
      if (!t) return undefined;
      for (const x of t) all.add(x);
    }
    return all;
  }
  if (s.type === undefined)
    return s.enum ? new Set(s.enum.map((v) => (v === null ? 'null' : typeof v))) : undefined;
  const types = new Set(Array.isArray(s.type) ? s.type : [s.type]);
  // Every integer is a number: a `number` accepts (or may return) integers too.
  if (types.has('number')) types.add('integer');
  return types;
}

/** The non-null branch of `anyOf: [X, {type: 'null'}]`, or the schema itself. */
function core(doc, schema, pointer) {
  const r = resolve(doc, schema, pointer);
  const branches = r.value?.anyOf ?? r.value?.oneOf;
  if (Array.isArray(branches)) {
    const key = r.value.anyOf ? 'anyOf' : 'oneOf';
    const i = branches.findIndex((b) => resolve(doc, b, '').value?.type !== 'null');
    const nonNull = branches.filter((b) => resolve(doc, b, '').value?.type !== 'null');
    if (nonNull.length === 1) return resolve(doc, nonNull[0], `${r.pointer}/${key}/${i}`);
  }
  return r;
}

const fmt = (set) => (set ? [...set].sort().join('|') : 'any');

/**
 * Compares two bundled documents. Returns `{ breaking, nonBreaking }`, each a list of
 * `{ pointer, rule, message }`.
 */
export function diffContracts(before, after) {
  const breaking = [];
  const nonBreaking = [];
  const add = (isBreaking, pointer, rule, message) =>
    (isBreaking ? breaking : nonBreaking).push({ pointer, rule, message });

  /** Compares a parameter's (request) schema: narrowing and tightening break senders. */
  function compareRequestSchema(oldS, newS, oldAt, newAt, label) {
    const o = resolve(before, oldS, oldAt);
    const n = resolve(after, newS, newAt);
    const ot = typesOf(before, oldS);
    const nt = typesOf(after, newS);
    if (nt && (!ot || [...ot].some((t) => !nt.has(t)))) {
      add(true, n.pointer, 'narrowed-type', `${label}: type narrowed from ${fmt(ot)} to ${fmt(nt)}`);
    } else if (ot && (!nt || [...nt].some((t) => !ot.has(t)))) {
      add(false, n.pointer, 'widened-type', `${label}: type widened from ${fmt(ot)} to ${fmt(nt)}`);
    }
    compareEnum(o.value?.enum, n.value?.enum, n.pointer, label);
    for (const [keyword, direction] of Object.entries(BOUNDS)) {
      const a = o.value?.[keyword];
      const b = n.value?.[keyword];
      if (a === b) continue;
      const tightened = b !== undefined && (a === undefined || (direction === 'up' ? b > a : b < a));
      add(
        tightened,
        `${n.pointer}/${keyword}`,
        tightened ? 'tightened-bound' : 'loosened-bound',
        `${label}: ${keyword} ${a ?? 'none'} → ${b ?? 'none'}`,
      );
    }
    if (o.value?.pattern !== n.value?.pattern) {
      const tightened = n.value?.pattern !== undefined;
      add(
        tightened,
        `${n.pointer}/pattern`,
        tightened ? 'tightened-bound' : 'loosened-bound',
        `${label}: pattern ${o.value?.pattern ?? 'none'} → ${n.value?.pattern ?? 'none'}`,
      );
    }
    if (o.value?.format !== n.value?.format) {
      add(
        n.value?.format !== undefined,
        `${n.pointer}/format`,
        n.value?.format ? 'tightened-bound' : 'loosened-bound',
        `${label}: format ${o.value?.format ?? 'none'} → ${n.value?.format ?? 'none'}`,
      );
    }
  }

  function compareEnum(oldEnum, newEnum, pointer, label) {
    if (!oldEnum && !newEnum) return;
    if (oldEnum && !newEnum)
      return add(false, pointer, 'widened-enum', `${label}: enum removed (any value allowed)`);
    if (!oldEnum && newEnum)
      return add(true, `${pointer}/enum`, 'narrowed-enum', `${label}: enum added (${newEnum.join(', ')})`);
    const removed = oldEnum.filter((v) => !newEnum.includes(v));
    const added = newEnum.filter((v) => !oldEnum.includes(v));
    if (removed.length)
      add(
        true,
        `${pointer}/enum`,
        'narrowed-enum',
        `${label}: enum value(s) removed: ${removed.map(String).join(', ')}`,
      );
    if (added.length)
      add(
        false,
        `${pointer}/enum`,
        'widened-enum',
        `${label}: enum value(s) added: ${added.map(String).join(', ')}`,
      );
  }

  /** Compares a response schema: whatever a reader relied on must still hold. */
  function compareResponseSchema(oldS, newS, oldAt, newAt, label, depth = 0) {
    if (depth > 20) return;
    const ot = typesOf(before, oldS);
    const nt = typesOf(after, newS);
    const o = core(before, oldS, oldAt);
    const n = core(after, newS, newAt);
    const field = resolve(after, newS, newAt).pointer;
    if (ot && nt) {
      if (!ot.has('null') && nt.has('null')) add(true, field, 'made-nullable', `${label}: made nullable`);
      const oldNonNull = [...ot].filter((t) => t !== 'null');
      const newNonNull = [...nt].filter((t) => t !== 'null');
      if (oldNonNull.some((t) => !nt.has(t)))
        add(true, n.pointer, 'narrowed-type', `${label}: type changed from ${fmt(ot)} to ${fmt(nt)}`);
      else if (newNonNull.some((t) => !ot.has(t)))
        add(true, n.pointer, 'widened-type', `${label}: type widened from ${fmt(ot)} to ${fmt(nt)}`);
      else if (ot.has('null') && !nt.has('null'))
        add(false, field, 'made-non-nullable', `${label}: no longer nullable`);
    } else if (ot && !nt)
      add(true, n.pointer, 'widened-type', `${label}: type widened from ${fmt(ot)} to any`);
    compareEnum(o.value?.enum, n.value?.enum, n.pointer, label);
    const oldProps = o.value?.properties ?? {};
    const newProps = n.value?.properties ?? {};
    const oldRequired = new Set(o.value?.required ?? []);
    const newRequired = new Set(n.value?.required ?? []);
    for (const [name, schema] of Object.entries(oldProps)) {
      const field = `${label}.${name}`;
      if (!(name in newProps)) {
        add(true, `${o.pointer}/properties/${esc(name)}`, 'removed-response-field', `${field}: removed`);
        continue;
      }
      if (oldRequired.has(name) && !newRequired.has(name)) {
        add(true, `${n.pointer}/required`, 'made-optional', `${field}: no longer required`);
      }
      compareResponseSchema(
        schema,
        newProps[name],
        `${o.pointer}/properties/${esc(name)}`,
        `${n.pointer}/properties/${esc(name)}`,
        field,
        depth + 1,
      );
    }
    for (const name of Object.keys(newProps)) {
      if (!(name in oldProps))
        add(false, `${n.pointer}/properties/${esc(name)}`, 'added-response-field', `${label}.${name}: added`);
      else if (!oldRequired.has(name) && newRequired.has(name))
        add(false, `${n.pointer}/required`, 'made-required', `${label}.${name}: now always present`);
    }
    if (o.value?.items && n.value?.items) {
      compareResponseSchema(
        o.value.items,
        n.value.items,
        `${o.pointer}/items`,
        `${n.pointer}/items`,
        `${label}[]`,
        depth + 1,
      );
    }
  }

  for (const [path, oldItem] of Object.entries(before.paths ?? {})) {
    const pathAt = `/paths/${esc(path)}`;
    const newItem = after.paths?.[path];
    if (!newItem) {
      add(true, pathAt, 'removed-path', `${path}: removed`);
      continue;
    }
    for (const method of METHODS) {
      const oldOp = oldItem[method];
      if (!oldOp) continue;
      const opAt = `${pathAt}/${method}`;
      const newOp = newItem[method];
      const op = `${method.toUpperCase()} ${path}`;
      if (!newOp) {
        add(true, opAt, 'removed-operation', `${op}: removed`);
        continue;
      }
      const params = (doc, o, at) =>
        new Map(
          (o.parameters ?? []).map((p, i) => {
            const r = resolve(doc, p, `${at}/parameters/${i}`);
            return [`${r.value.in}:${r.value.name}`, r];
          }),
        );
      const oldParams = params(before, oldOp, opAt);
      const newParams = params(after, newOp, opAt);
      for (const [key, o] of oldParams) {
        const n = newParams.get(key);
        const label = `${op} parameter ${o.value.name}`;
        if (!n) {
          add(true, o.pointer, 'removed-parameter', `${label}: removed`);
          continue;
        }
        if (!o.value.required && n.value.required)
          add(true, n.pointer, 'new-required-parameter', `${label}: now required`);
        compareRequestSchema(
          o.value.schema,
          n.value.schema,
          `${o.pointer}/schema`,
          `${n.pointer}/schema`,
          label,
        );
      }
      for (const [key, n] of newParams) {
        if (oldParams.has(key)) continue;
        add(
          Boolean(n.value.required),
          n.pointer,
          n.value.required ? 'new-required-parameter' : 'added-parameter',
          `${op} parameter ${n.value.name}: added${n.value.required ? ' as required' : ''}`,
        );
      }
      for (const [status, oldRef] of Object.entries(oldOp.responses ?? {})) {
        const o = resolve(before, oldRef, `${opAt}/responses/${status}`);
        const newRef = newOp.responses?.[status];
        if (!newRef) {
          add(
            status.startsWith('2'),
            o.pointer,
            status.startsWith('2') ? 'removed-response' : 'removed-error-response',
            `${op} ${status}: removed`,
          );
          continue;
        }
        const n = resolve(after, newRef, `${opAt}/responses/${status}`);
        const oldSchema = o.value.content?.['application/json']?.schema;
        const newSchema = n.value.content?.['application/json']?.schema;
        if (oldSchema && newSchema) {
          compareResponseSchema(
            oldSchema,
            newSchema,
            `${o.pointer}/content/application~1json/schema`,
            `${n.pointer}/content/application~1json/schema`,
            `${op} ${status}`,
          );
        } else if (oldSchema && !newSchema) {
          add(true, o.pointer, 'removed-response-field', `${op} ${status}: body removed`);
        }
      }
      for (const status of Object.keys(newOp.responses ?? {})) {
        if (!oldOp.responses?.[status])
          add(false, `${opAt}/responses/${status}`, 'added-response', `${op} ${status}: added`);
      }
    }
  }
  for (const path of Object.keys(after.paths ?? {})) {
    if (!before.paths?.[path]) add(false, `/paths/${esc(path)}`, 'added-path', `${path}: added`);
  }
  // The same schema reached through two operations is reported once.
  const unique = (list) => [...new Map(list.map((c) => [`${c.pointer} ${c.rule}`, c])).values()];
  return { breaking: unique(breaking), nonBreaking: unique(nonBreaking) };
}
