/** A loopback port that was free a moment ago (the OS picks it from its ephemeral range). */
export function freePort(): Promise<number>;

/** Debian's Chromium (`CHROMIUM_PATH` overrides), headless, with no background networking: pass to `chromium.launch()`. */
export function chromiumLaunchOptions(): { executablePath: string; args: string[] };

/** Whether a URL a page asks for stays on this machine. */
export function isLocal(url: string): boolean;
