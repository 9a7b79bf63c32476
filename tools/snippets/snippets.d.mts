/** The ```ts blocks of a Markdown text. */
export function tsSnippets(markdown: string): string[];

/**
 * The compiler's complaints about a README's TypeScript snippets (empty when every one type-checks),
 * each as `readme-snippet-N.ts:LINE message`; `count` is how many snippets there were.
 */
export function checkSnippets(
  readmePath: string,
  options?: {
    dir?: string;
    imports?: Array<{ name: string; line: string }>;
    declarations?: string[];
  },
): { count: number; problems: string[] };
