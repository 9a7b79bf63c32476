// The docs app's "Try it" panel: send a request to any server of the contract from the browser.
// Everything it knows of the API (servers, operations, parameters and their bounds) is read from
// the bundled contract embedded in the page at build time. Credentials live in the form only.
(() => {
  const spec = JSON.parse(document.getElementById('spec').textContent);
  const $ = (id) => document.getElementById(id);
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const servers = [...spec.servers].sort(
    (a, b) => Number(b.url.startsWith('http://')) - Number(a.url.startsWith('http://')),
  );
  let operation = spec.operations.find((op) => `#${op.operationId}` === location.hash) ?? spec.operations[0];

  for (const server of servers)
    $('server').add(new Option(`${server.description} (${server.url})`, server.url));
  $('base-url').value = servers[0].url;
  $('server').addEventListener('change', () => {
    $('base-url').value = $('server').value;
    update();
  });

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
          history.replaceState(null, '', `#${op.operationId}`);
          renderOperations();
        });
        return tab;
      }),
    );
    $('operation-summary').replaceChildren();
    const method = document.createElement('span');
    method.className = 'method';
    method.textContent = operation.method;
    $('operation-summary').append(method, operation.path);
    renderParameters();
  }

  /** What the schema allows, in words: "integer, 1 to 100, default 10". */
  function describe(schema) {
    const parts = [schema.format === 'uuid' ? 'UUID' : schema.type];
    if (schema.minimum !== undefined && schema.maximum !== undefined)
      parts.push(`${schema.minimum} to ${schema.maximum}`);
    else if (schema.minimum !== undefined) parts.push(`>= ${schema.minimum}`);
    if (schema.default !== undefined) parts.push(`default ${schema.default}`);
    return parts.join(', ');
  }

  function renderParameters() {
    $('parameters').replaceChildren(
      ...operation.parameters.map((p) => {
        const label = document.createElement('label');
        const input = document.createElement('input');
        input.name = p.name;
        input.dataset.in = p.in;
        input.spellcheck = false;
        if (p.schema.type === 'integer') {
          input.inputMode = 'numeric';
          if (p.schema.minimum !== undefined) input.dataset.min = p.schema.minimum;
          if (p.schema.maximum !== undefined) input.dataset.max = p.schema.maximum;
        }
        input.placeholder =
          p.schema.default !== undefined ? `defaults to: ${p.schema.default}` : String(p.example ?? '');
        if (p.in === 'path' && p.example) input.value = p.example;
        input.addEventListener('input', update);
        const hint = document.createElement('span');
        hint.className = 'hint';
        hint.textContent = `${p.in} · ${describe(p.schema)}${p.required ? ' · required' : ''} — ${p.description}`;
        const problem = document.createElement('span');
        problem.className = 'problem';
        problem.id = `problem-${p.name}`;
        label.append(p.name, input, hint, problem);
        return label;
      }),
    );
    update();
  }

  /** The problem with a parameter's value, in the contract's words (`p.rule`, as the API words it), or ''. */
  function check(p, value) {
    if (value === '') return p.required ? 'is required' : '';
    const s = p.schema;
    const broken =
      s.type === 'integer'
        ? !/^[+-]?\d+$/.test(value) ||
          (s.minimum !== undefined && Number(value) < s.minimum) ||
          (s.maximum !== undefined && Number(value) > s.maximum)
        : s.format === 'uuid' && !UUID.test(value);
    return broken ? p.rule : '';
  }

  /** The request the form describes: URL, parameter values and problems. */
  function request() {
    const values = {};
    const problems = [];
    let path = operation.path;
    const query = new URLSearchParams();
    for (const p of operation.parameters) {
      const input = document.querySelector(`#parameters input[name="${p.name}"]`);
      const value = input.value.trim();
      const problem = check(p, value);
      $(`problem-${p.name}`).textContent = problem ? `${p.name} ${problem}` : '';
      input.setAttribute('aria-invalid', String(Boolean(problem)));
      if (problem) problems.push(`${p.name} ${problem}`);
      if (value === '') continue;
      values[p.name] = value;
      if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(value));
      else query.set(p.name, value);
    }
    const base = $('base-url').value.trim().replace(/\/+$/, '');
    const search = query.toString();
    return { url: `${base}${path}${search ? `?${search}` : ''}`, base, values, problems };
  }

  function update() {
    const { url, base, values } = request();
    $('snippet-curl').textContent =
      `curl -u "$INSIGHTIQ_CLIENT_ID:$INSIGHTIQ_CLIENT_SECRET" \\\n  -H 'Accept: application/json' \\\n  '${url}'`;
    const numeric = (name) => operation.parameters.find((p) => p.name === name)?.schema.type === 'integer';
    const args = Object.entries(values)
      .filter(([name]) => name !== 'id')
      .map(
        ([name, value]) => `${name}: ${numeric(name) && /^\d+$/.test(value) ? value : JSON.stringify(value)}`,
      );
    const call =
      operation.operationId === 'getProfile'
        ? `const profile = await client.profiles.get(${JSON.stringify(values.id ?? '')});\nconsole.log(profile);`
        : `const page = await client.profiles.list(${args.length ? `{ ${args.join(', ')} }` : ''});\nconsole.log(page.data, page.requestId);`;
    $('snippet-ts').textContent =
      "import { createProfilesClient } from '@insightiq/profiles-client';\n\n" +
      `// Credentials from INSIGHTIQ_CLIENT_ID and INSIGHTIQ_CLIENT_SECRET.\nconst client = createProfilesClient({ baseUrl: ${JSON.stringify(base)} });\n\n${call}`;
  }

  function show(status, requestId, ms, body, ok) {
    $('status').textContent = status;
    $('status').className = ok ? 'status-ok' : 'status-error';
    $('request-id').textContent = requestId || '–';
    $('time').textContent = ms === undefined ? '–' : `${ms.toFixed(0)} ms`;
    $('body').textContent = body;
  }

  $('form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const { url, problems } = request();
    if (problems.length && !$('skip-checks').checked) {
      show('not sent', '', undefined, `Fix the parameters first:\n- ${problems.join('\n- ')}`, false);
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
      show(
        `${response.status} ${response.statusText}`.trim(),
        response.headers.get('request-id'),
        performance.now() - started,
        body,
        response.ok,
      );
    } catch (error) {
      show(
        'no response',
        '',
        performance.now() - started,
        `The request failed: ${error.message}.\nIs the server running, and does it allow CORS requests from this page? (The local mock does: pnpm start.)`,
        false,
      );
    } finally {
      $('send').disabled = false;
    }
  });
  $('base-url').addEventListener('input', update);

  renderOperations();
})();
