// The docs app's "Try it" panel: send a request to any server of the contract from the browser.
// Everything it knows of the API (servers, operations, parameters and their rules) is read from the
// contract embedded in the page at build time, and every value is checked by the kit's one parameter
// checker (`@insightiq/profiles-spec/parameters`, bundled in by the build). The form's state lives in
// the address (`try-it.html#listProfiles?limit=5`), so a request can be shared as a link; credentials
// live in the form only.
import { issueText, readParameters } from '@insightiq/profiles-spec/parameters';

const spec = JSON.parse(document.getElementById('spec').textContent);
const $ = (id) => document.getElementById(id);
const servers = [...spec.servers].sort(
  (a, b) => Number(b.url.startsWith('http://')) - Number(a.url.startsWith('http://')),
);

/** The operation and parameter values a link names: `#listProfiles?limit=5` (values as lists: a link may repeat one). */
function fromHash() {
  const [id, query = ''] = location.hash.slice(1).split('?');
  const operation = spec.operations.find((op) => op.operationId === id) ?? spec.operations[0];
  const params = new URLSearchParams(query);
  const values = Object.fromEntries(operation.parameters.map((p) => [p.name, params.getAll(p.name)]));
  return { operation, values };
}

let { operation, values: initial } = fromHash();

function renderOperations() {
  $('operations').replaceChildren(
    ...spec.operations.map((op) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(op === operation));
      tab.textContent = op.summary;
      tab.dataset.operation = op.operationId;
      tab.addEventListener('click', () => {
        operation = op;
        initial = {};
        renderOperations();
      });
      return tab;
    }),
  );
  const method = document.createElement('span');
  method.className = 'method';
  method.textContent = operation.method;
  $('operation-summary').replaceChildren(method, operation.path);
  renderParameters();
}

/** What the rule allows, in short: "integer, 1 to 100, default 10". */
function describe({ rule }) {
  const parts = [rule.format === 'uuid' ? 'UUID' : rule.type];
  if (rule.minimum !== undefined && rule.maximum !== undefined)
    parts.push(`${rule.minimum} to ${rule.maximum}`);
  else if (rule.minimum !== undefined) parts.push(`>= ${rule.minimum}`);
  if (rule.default !== undefined) parts.push(`default ${rule.default}`);
  return parts.join(', ');
}

/** One input of a parameter (a link that repeats a parameter gets one input per value). */
function inputOf(p, value) {
  const input = document.createElement('input');
  input.name = p.name;
  input.dataset.in = p.rule.in;
  input.spellcheck = false;
  if (p.rule.type === 'integer') input.inputMode = 'numeric';
  input.placeholder =
    p.rule.default !== undefined ? `defaults to: ${p.rule.default}` : String(p.example ?? '');
  input.value = value ?? (p.rule.in === 'path' && p.example ? p.example : '');
  input.addEventListener('input', update);
  return input;
}

function renderParameters() {
  $('parameters').replaceChildren(
    ...operation.parameters.map((p) => {
      const label = document.createElement('label');
      const given = initial[p.name]?.length ? initial[p.name] : [undefined];
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = `${p.rule.in} · ${describe(p)}${p.rule.required ? ' · required' : ''} — ${p.description}`;
      const problem = document.createElement('span');
      problem.className = 'problem';
      problem.id = `problem-${p.name}`;
      label.append(p.name, ...given.map((value) => inputOf(p, value)), hint, problem);
      return label;
    }),
  );
  update();
}

/** The request the form describes: URL, the query it carries, and the checker's issues by parameter. */
function request() {
  const query = new URLSearchParams();
  const path = {};
  for (const input of document.querySelectorAll('#parameters input')) {
    const value = input.value.trim();
    if (value === '') continue;
    if (input.dataset.in === 'path') path[input.name] = value;
    else query.append(input.name, value);
  }
  const { issues } = readParameters(
    operation.parameters.map((p) => p.rule),
    { query, path },
  );
  let url = operation.path;
  for (const [name, value] of Object.entries(path)) url = url.replace(`{${name}}`, encodeURIComponent(value));
  const base = $('base-url').value.trim().replace(/\/+$/, '');
  const search = query.toString();
  return { url: `${base}${url}${search ? `?${search}` : ''}`, base, query, path, issues };
}

/** Shows each parameter's problem, in the checker's words, beside its input. */
function showProblems(issues) {
  for (const p of operation.parameters) {
    const issue = issues.find((i) => i.name === p.name);
    $(`problem-${p.name}`).textContent = issue ? issueText(issue) : '';
    for (const input of document.querySelectorAll(`#parameters input[name="${p.name}"]`))
      input.setAttribute('aria-invalid', String(Boolean(issue)));
  }
}

/** The TypeScript call of the form's values. */
function typescriptCall(query, path) {
  const integer = (name) => operation.parameters.find((p) => p.name === name)?.rule.type === 'integer';
  const args = [...query].map(
    ([name, value]) => `${name}: ${integer(name) && /^\d+$/.test(value) ? value : JSON.stringify(value)}`,
  );
  return operation.operationId === 'getProfile'
    ? `const profile = await client.profiles.get(${JSON.stringify(path.id ?? '')});\nconsole.log(profile);`
    : `const page = await client.profiles.list(${args.length ? `{ ${args.join(', ')} }` : ''});\nconsole.log(page.data, page.requestId);`;
}

function update() {
  const { url, base, query, path, issues } = request();
  showProblems(issues);
  const search = new URLSearchParams({ ...path });
  for (const [name, value] of query) search.append(name, value);
  history.replaceState(null, '', `#${operation.operationId}${search.size ? `?${search}` : ''}`);
  $('snippet-curl').textContent =
    `curl -u "$INSIGHTIQ_CLIENT_ID:$INSIGHTIQ_CLIENT_SECRET" \\\n  -H 'Accept: application/json' \\\n  '${url}'`;
  $('snippet-ts').textContent =
    "import { createProfilesClient } from '@insightiq/profiles-client';\n\n" +
    `// Credentials from INSIGHTIQ_CLIENT_ID and INSIGHTIQ_CLIENT_SECRET.\nconst client = createProfilesClient({ baseUrl: ${JSON.stringify(base)} });\n\n${typescriptCall(query, path)}`;
}

function show(status, requestId, ms, body, ok) {
  $('status').textContent = status;
  $('status').className = ok ? 'status-ok' : 'status-error';
  $('request-id').textContent = requestId || '–';
  $('time').textContent = ms === undefined ? '–' : `${ms.toFixed(0)} ms`;
  $('body').textContent = body;
}

/** Sends the form's request (unless a parameter breaks its rule and checks are on) and shows the answer. */
async function send(event) {
  event.preventDefault();
  const { url, issues } = request();
  if (issues.length && !$('skip-checks').checked) {
    show(
      'not sent',
      '',
      undefined,
      `Fix the parameters first:\n- ${issues.map((i) => issueText(i)).join('\n- ')}`,
      false,
    );
    return;
  }
  const bytes = new TextEncoder().encode(`${$('username').value}:${$('password').value}`);
  const authorization = `Basic ${btoa(String.fromCharCode(...bytes))}`;
  $('send').disabled = true;
  show('sending…', '', undefined, '', true);
  const started = performance.now();
  try {
    const response = await fetch(url, { headers: { accept: 'application/json', authorization } });
    const text = await response.text();
    let body = text;
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {}
    const status = `${response.status} ${response.statusText}`.trim();
    show(status, response.headers.get('request-id'), performance.now() - started, body, response.ok);
  } catch (error) {
    const help =
      'Is the server running, and does it allow CORS requests from this page? (The local mock does: pnpm start.)';
    show(
      'no response',
      '',
      performance.now() - started,
      `The request failed: ${error.message}.\n${help}`,
      false,
    );
  } finally {
    $('send').disabled = false;
  }
}

/** Copies the curl command as shown (no credentials: it reads them from the environment). */
async function copyCurl() {
  const text = $('snippet-curl').textContent;
  try {
    await navigator.clipboard.writeText(text);
    $('copy-status').textContent = 'Copied the curl command.';
  } catch {
    // No clipboard (a page served over plain http from another host): select it for Ctrl+C instead.
    getSelection().selectAllChildren($('snippet-curl'));
    $('copy-status').textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
}

for (const server of servers)
  $('server').add(new Option(`${server.description} (${server.url})`, server.url));
$('base-url').value = servers[0].url;
$('server').addEventListener('change', () => {
  $('base-url').value = $('server').value;
  update();
});
$('base-url').addEventListener('input', update);
$('form').addEventListener('submit', send);
$('copy-curl').addEventListener('click', copyCurl);
renderOperations();
