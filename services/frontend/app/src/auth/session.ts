import { ApiError, toApiError, unreachable } from "../api/ApiError";
import type { TokenResponse, UserProfile } from "../api/types";

export type SessionState =
  | { status: "restoring" }
  | { status: "signedOut"; notice?: string }
  | { status: "signedIn"; user: UserProfile };

type Fetch = typeof fetch;

export const SESSION_ENDED = "Your session has ended. Please sign in again; your cart is kept.";

/**
 * The signed-in customer. The access token lives in this object only (never in storage); the refresh token is an
 * httpOnly cookie the page cannot read, sent to /api/auth/refresh to restore the session on load and to renew the
 * token shortly before it expires.
 */
export class Session {
  private token: string | null = null;
  private expiresAt = 0;
  private renewal: ReturnType<typeof setTimeout> | undefined;
  private refreshing: Promise<boolean> | null = null;
  private state: SessionState = { status: "restoring" };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private readonly fetchFn: Fetch;

  constructor(
    private readonly gatewayUrl: string,
    fetchFn?: Fetch,
    private readonly now: () => number = Date.now,
  ) {
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  getState(): SessionState {
    return this.state;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  accessToken(): string | null {
    return this.token;
  }

  /** On page load: the refresh cookie, if there is a live one, signs the customer back in. */
  async restore(): Promise<void> {
    const restored = await this.refresh();
    if (!restored && this.state.status === "restoring") this.set({ status: "signedOut" });
  }

  async login(email: string, password: string): Promise<UserProfile> {
    const tokens = await this.post<TokenResponse>("/api/auth/login", { email, password });
    this.accept(tokens);
    return tokens.user;
  }

  async register(email: string, password: string, displayName: string): Promise<UserProfile> {
    await this.post<UserProfile>("/api/auth/register", { email, password, displayName });
    return this.login(email, password);
  }

  async logout(): Promise<void> {
    const token = this.token;
    this.end({ status: "signedOut" });
    try {
      await this.fetchFn(`${this.gatewayUrl}/api/auth/logout`, {
        method: "POST",
        credentials: "include",
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    } catch {
      // signed out here either way; the cookie's family expires on its own
    }
  }

  /** A new access token from the refresh cookie; one request at a time however many callers ask. */
  refresh(): Promise<boolean> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** The session is over (the refresh cookie was refused): the customer is told and signed out. */
  expire(): void {
    if (this.state.status === "signedIn") this.end({ status: "signedOut", notice: SESSION_ENDED });
  }

  private async doRefresh(): Promise<boolean> {
    try {
      const response = await this.fetchFn(`${this.gatewayUrl}/api/auth/refresh`, {
        method: "POST",
        credentials: "include",
        headers: { Accept: "application/json" },
      });
      if (!response.ok) {
        this.expire();
        return false;
      }
      this.accept((await response.json()) as TokenResponse);
      return true;
    } catch {
      // the gateway is unreachable: keep the token while it lasts and try again soon
      if (this.state.status === "signedIn" && this.now() < this.expiresAt) this.schedule(10_000);
      else this.expire();
      return false;
    }
  }

  private accept(tokens: TokenResponse): void {
    this.token = tokens.accessToken;
    const lifetime = tokens.expiresIn * 1000;
    this.expiresAt = this.now() + lifetime;
    // renew a minute early, or at four fifths of a short lifetime
    this.schedule(Math.max(1_000, lifetime - Math.min(60_000, lifetime / 5)));
    this.set({ status: "signedIn", user: tokens.user });
  }

  private schedule(delay: number): void {
    clearTimeout(this.renewal);
    this.renewal = setTimeout(() => void this.refresh(), delay);
  }

  private end(state: SessionState): void {
    clearTimeout(this.renewal);
    this.token = null;
    this.expiresAt = 0;
    this.set(state);
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private async post<T>(path: string, body: unknown): Promise<T> {
    let response: Response;
    try {
      response = await this.fetchFn(`${this.gatewayUrl}${path}`, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      throw unreachable();
    }
    if (!response.ok) throw await toApiError(response);
    return (await response.json()) as T;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
