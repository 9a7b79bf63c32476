/** A text as HTML text or attribute value. */
export function escapeHtml(text: unknown): string;

/** Whether a link or image address from the contract may be used as it is (http(s), mailto, relative, fragment). */
export function safeUrl(href: string): boolean;

/** The ids of one page, each given once: `errors`, then `errors-2`. */
export function idMaker(): (text: string) => string;

/** A Markdown renderer for one page (headings from level `top`, raw HTML as text, safe links only). */
export function markdownFor(uniqueId: (text: string) => string): {
  render(
    text: string | undefined,
    options?: { top?: number; headings?: Array<{ level: number; id: string; text: string }> },
  ): string;
  inline(text: string | undefined): string;
};
