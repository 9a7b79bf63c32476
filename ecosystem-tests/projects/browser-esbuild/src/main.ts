// Runs in the browser: the mock's URL comes from the page's query (?mock=...), the report goes
// into the page, where the runner reads it.
import { exercise } from './exercise.js';

const out = document.getElementById('result') as HTMLElement;
const baseUrl = new URLSearchParams(location.search).get('mock') ?? '';
exercise(baseUrl).then(
  (report) => {
    out.dataset.status = 'ok';
    out.textContent = JSON.stringify(report);
  },
  (error: unknown) => {
    out.dataset.status = 'error';
    out.textContent = String(error);
  },
);
