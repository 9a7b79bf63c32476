// Makes Redoc's page an offline page: no request for Redocly's CDN logo or a favicon, and proof that
// it was rendered with telemetry off (it must report nothing about its readers).
const LOGO = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/%3E';

/** The page with its network requests removed; throws when Redoc's telemetry is on. */
export function offlineHtml(html) {
  const options = /const __redoc_options = (\{.*?\});/.exec(html)?.[1];
  if (!options || JSON.parse(options).disableTelemetry !== true) {
    throw new Error(
      `redocly build-docs rendered Redoc with telemetry on (__redoc_options: ${options ?? 'not found'}); ` +
        'the published page must not report its readers to otel.cloud.redocly.com. Check REDOCLY_TELEMETRY ' +
        'support in the installed @redocly/cli.',
    );
  }
  return html
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, LOGO)
    .replace('<head>', '<head><link rel="icon" href="data:,">');
}
