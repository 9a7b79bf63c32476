// The landing page's Markdown (scripts/static-markdown.mjs) renders the contract's texts: whatever
// they hold, raw HTML stays text and a link or image can only point to http(s), mailto, a relative
// path or a fragment, so a contract cannot put a script on the page.
import { describe, expect, it } from 'vitest';
import { idMaker, markdownFor } from '../scripts/static-markdown.mjs';

const render = (text: string) => markdownFor(idMaker()).render(text);

describe('the landing page’s Markdown', () => {
  it.each([
    ['[click](javascript:window.__js=1)', 'click'],
    ['[click](JavaScript:alert(1))', 'click'],
    ['[click](data:text/html;base64,PHNjcmlwdD4=)', 'click'],
    ['[click](vbscript:msgbox)', 'click'],
    ['![pic](javascript:alert(1))', 'pic'],
  ])('shows %s as text, with no link', (markdown, text) => {
    const html = render(markdown);
    expect(html).not.toMatch(/<a |<img |javascript:|vbscript:|data:/i);
    expect(html).toContain(text);
  });

  it.each([
    ['[site](https://www.insightiq.ai/)', '<a href="https://www.insightiq.ai/">site</a>'],
    ['[mail](mailto:support@insightiq.ai)', '<a href="mailto:support@insightiq.ai">mail</a>'],
    ['[Try it](try-it.html#listProfiles)', '<a href="try-it.html#listProfiles">Try it</a>'],
    ['[Errors](#errors "The errors")', '<a href="#errors" title="The errors">Errors</a>'],
  ])('keeps %s as a link', (markdown, link) => {
    expect(render(markdown)).toContain(link);
  });

  it('shows raw HTML as text', () => {
    expect(render('<script>window.__js = 1</script>')).toContain(
      '&lt;script&gt;window.__js = 1&lt;/script&gt;',
    );
  });
});
