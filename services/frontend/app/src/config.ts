/** Where the platform is; the server answers /config.json from its environment, so one build runs anywhere. */
export interface AppConfig {
  gatewayUrl: string;
  sandboxUrl: string;
}

export const defaultConfig: AppConfig = {
  gatewayUrl: "http://localhost:8000",
  sandboxUrl: "http://localhost:8090",
};

export async function loadConfig(fetchFn: typeof fetch = fetch): Promise<AppConfig> {
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
