// Markdown and text for the static reference page (static-page.mjs): every text of the contract goes
// through escapeHtml or markdown, and raw HTML in the contract's Markdown is shown as text.
import { Marked } from 'marked';

const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** A text as HTML text or attribute value. */
export const escapeHtml = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** A script as the text of an inline <script>: no `</script` in it can end the element early. */
export const inlineScript = (text) => text.replace(/<\/script/gi, '<\\/script');

/**
 * Whether a link or image address from the contract may be used as it is: http(s), mailto, a
 * relative path or a fragment. Anything else (`javascript:`, `data:`, `vbscript:`…) is shown as text.
 */
export const safeUrl = (href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) || /^(https?|mailto):/i.test(href);

/** The ids of one page, each given once: `errors`, then `errors-2`. */
export function idMaker() {
  const used = new Set();
  return (text) => {
    const base =
      String(text)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'section';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}

/**
 * A Markdown renderer for one page: `render(text, { top, headings })` gives HTML whose headings start
 * at level `top` (each with a unique id, listed in `headings` when given); `inline(text)` gives the
 * HTML of one line. Code blocks can be scrolled from the keyboard.
 */
export function markdownFor(uniqueId) {
  let top = 2;
  let seen;
  const marked = new Marked({
    gfm: true,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      heading({ tokens, depth, text }) {
        const level = Math.min(6, Math.max(top, depth));
        const id = uniqueId(text);
        seen?.push({ level, id, text });
        return `<h${level} id="${id}">${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, title, tokens }) {
        const text = this.parser.parseInline(tokens);
        if (!safeUrl(href)) return text;
        return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${text}</a>`;
      },
      image: ({ href, text }) =>
        safeUrl(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">` : escapeHtml(text),
      code: ({ text, lang }) =>
        `<pre tabindex="0"${lang ? ` data-lang="${escapeHtml(lang)}"` : ''}><code>${escapeHtml(text)}</code></pre>\n`,
    },
  });
  return {
    render(text, options = {}) {
      top = options.top ?? 2;
      seen = options.headings;
      return marked.parse(String(text ?? ''));
    },
    inline: (text) =>
      marked.parseInline(
        String(text ?? '')
          .trim()
          .replace(/\s*\n\s*/g, ' '),
      ),
  };
}
