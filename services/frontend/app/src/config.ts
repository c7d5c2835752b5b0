/** Where the platform is; the server answers /config.json from its environment, so one build runs anywhere. */
export interface AppConfig {
  gatewayUrl: string;
  sandboxUrl: string;
}

export const defaultConfig: AppConfig = {
  gatewayUrl: "http://localhost:8000",
  sandboxUrl: "http://localhost:8090",
};

const LOOPBACK = ["localhost", "127.0.0.1"];

/**
 * The platform under the loopback name the page was opened with (localhost or 127.0.0.1): the refresh cookie is
 * SameSite=Strict, so the page and the gateway must be the same site for a reload to restore the session.
 */
export function sameLoopbackName(url: string, pageHost: string): string {
  const parsed = new URL(url);
  if (!LOOPBACK.includes(parsed.hostname) || !LOOPBACK.includes(pageHost) || parsed.hostname === pageHost) return url;
  parsed.hostname = pageHost;
  return trimSlash(parsed.toString());
}

export async function loadConfig(fetchFn: typeof fetch = fetch): Promise<AppConfig> {
  const config = await fetchConfig(fetchFn);
  const host = globalThis.location?.hostname ?? "";
  return {
    gatewayUrl: sameLoopbackName(config.gatewayUrl, host),
    sandboxUrl: sameLoopbackName(config.sandboxUrl, host),
  };
}

async function fetchConfig(fetchFn: typeof fetch): Promise<AppConfig> {
  try {
    const response = await fetchFn("/config.json", { headers: { Accept: "application/json" } });
    if (!response.ok) return defaultConfig;
    const body = (await response.json()) as Partial<AppConfig>;
    return {
      gatewayUrl: trimSlash(body.gatewayUrl ?? defaultConfig.gatewayUrl),
      sandboxUrl: trimSlash(body.sandboxUrl ?? defaultConfig.sandboxUrl),
    };
  } catch {
    // the Vite dev server has no /config.json: the platform's local defaults apply
    return defaultConfig;
  }
}

function trimSlash(url: string): string {
  return url.endsWith("/") ? url.slice(0, -1) : url;
}
