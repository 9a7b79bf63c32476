// The kit's own breaking-change rules: each covers one case that `redocly diff` (2.77.0) rates patch
// although it breaks consumers of the published types and client (`paths`, `client.raw`). Each returns
// major changes shaped like the rest of the report: `{ impact, rule, pointer, operation, message }`,
// the pointer in the current contract. Everything else is redocly's (see ../README.md).
import { escapePointer, followRefs } from '@insightiq/profiles-spec/validate';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];
const esc = (s) => escapePointer(String(s));
const major = (rule, pointer, operation, message) => ({ impact: 'major', rule, pointer, operation, message });

/** Every operation both documents have: `{ label, before, after, at }` (`at`: its pointer). */
function* sharedOperations(base, revision) {
  for (const [path, item] of Object.entries(base.paths ?? {})) {
    for (const method of METHODS) {
      const before = item?.[method];
      const after = revision.paths?.[path]?.[method];
      if (before && after) {
        yield {
          label: `${method.toUpperCase()} ${path}`,
          before,
          after,
          at: `/paths/${esc(path)}/${method}`,
        };
      }
    }
  }
}

/** Every response both versions of an operation have, `$ref`s followed: `{ status, before, after }`. */
function* sharedResponses(base, revision, { before, after, at }) {
  for (const [status, response] of Object.entries(before.responses ?? {})) {
    if (!after.responses?.[status]) continue; // removed: redocly's response-removed
    const pointer = `${at}/responses/${esc(status)}`;
    yield {
      status,
      before: followRefs(base, response, pointer),
      after: followRefs(revision, after.responses[status], pointer),
    };
  }
}

/**
 * path-template-renamed: a path whose template changed but not its shape (`/v1/profiles/{id}` became
 * `/v1/profiles/{profile_id}`). Redocly matches the two as one path and rates it patch (the URL on the
 * wire is the same), but the published `paths` type is keyed by the template and names the path
 * parameter: `client.raw.GET('/v1/profiles/{id}', { params: { path: { id } } })` no longer compiles.
 */
export function renamedPathTemplates(base, revision) {
  const shape = (path) => path.replace(/\{[^}]*\}/g, '{}');
  const before = Object.keys(base.paths ?? {});
  const after = Object.keys(revision.paths ?? {});
  return before
    .filter((path) => !after.includes(path))
    .flatMap((path) =>
      after
        .filter((next) => !before.includes(next) && shape(next) === shape(path))
        .map((next) =>
          major('path-template-renamed', `/paths/${esc(next)}`, path, `path template renamed to ${next}`),
        ),
    );
}

/**
 * response-schema-removed: a response keeps its media type but loses its schema. Redocly rates the
 * removal patch; the typed body (`Profile`, `ProfileList`, the error body) becomes `unknown`.
 */
export function removedResponseSchemas(base, revision) {
  const found = [];
  for (const operation of sharedOperations(base, revision)) {
    for (const { status, before, after } of sharedResponses(base, revision, operation)) {
      for (const [media, content] of Object.entries(before.value?.content ?? {})) {
        const next = after.value?.content?.[media];
        if (!content?.schema || !next || next.schema) continue; // a removed media type is redocly's
        const pointer = `${after.pointer}/content/${esc(media)}`;
        found.push(
          major('response-schema-removed', pointer, operation.label, `${status} ${media}: schema removed`),
        );
      }
    }
  }
  return found;
}

/**
 * response-header-made-optional: a required response header (`request-id`) is no longer required.
 * Redocly rates it patch; it is the header's "response field made optional": the typed header becomes
 * `string | undefined` and a reader that relied on it gets nothing.
 */
export function optionalResponseHeaders(base, revision) {
  const found = [];
  for (const operation of sharedOperations(base, revision)) {
    for (const { status, before, after } of sharedResponses(base, revision, operation)) {
      for (const [name, header] of Object.entries(before.value?.headers ?? {})) {
        const next = after.value?.headers?.[name];
        if (!next) continue; // a removed header is redocly's response-header-removed
        const was = followRefs(base, header, `${before.pointer}/headers/${esc(name)}`);
        const now = followRefs(revision, next, `${after.pointer}/headers/${esc(name)}`);
        if (was.value?.required !== true || now.value?.required === true) continue;
        const message = `${status} header ${name}: no longer required`;
        found.push(
          major('response-header-made-optional', `${now.pointer}/required`, operation.label, message),
        );
      }
    }
  }
  return found;
}

/** Every change the kit's rules find; a shared component reached through many operations counts once. */
export function extraRules(base, revision) {
  const all = [
    ...renamedPathTemplates(base, revision),
    ...removedResponseSchemas(base, revision),
    ...optionalResponseHeaders(base, revision),
  ];
  const unique = new Map();
  for (const change of all) {
    const key = `${change.rule} ${change.pointer}`;
    if (!unique.has(key)) unique.set(key, change);
  }
  return [...unique.values()];
}
