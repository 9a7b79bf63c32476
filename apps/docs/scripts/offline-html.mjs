// Makes Redoc's page an offline page: no request for Redocly's CDN logo or a favicon, and proof that
// it was rendered with telemetry off (it must report nothing about its readers).
const LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/%3E';

/**
 * Redoc renders its routes as root-relative links (`href="/section/errors"`, `href="/"`), which leave
 * a sub-path and answer 404 on a static host; in the browser it routes by hash (`#/section/errors`),
 * so the page's links become those hash links, the ones its script renders.
 */
export const relativeRedocLinks = (html) =>
  html.replace(/ href="(\/(?!\/)[^"]*)" data-discover="true"/g, ' href="#$1" data-discover="true"');

/** The page with its network requests removed and its links relative; throws when Redoc's telemetry is on. */
export function offlineHtml(html) {
  const options = /const __redoc_options = (\{.*?\});/.exec(html)?.[1];
  if (!options || JSON.parse(options).disableTelemetry !== true) {
    throw new Error(
      `redocly build-docs rendered Redoc with telemetry on (__redoc_options: ${options ?? 'not found'}); ` +
        'the published page must not report its readers to otel.cloud.redocly.com. Check REDOCLY_TELEMETRY ' +
        'support in the installed @redocly/cli.',
    );
  }
  return relativeRedocLinks(html)
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOGO)
    .replace('<head>', '<head><link rel="icon" href="data:,">');
}
