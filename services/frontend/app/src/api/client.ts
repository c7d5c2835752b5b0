import type { AppConfig } from "../config";
import type { Session } from "../auth/session";
import { toApiError, unreachable } from "./ApiError";
import type { Category, Order, Page, Payment, Product } from "./types";

type Fetch = typeof fetch;

interface RequestOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** send the access token; a 401 renews it once from the refresh cookie and tries again */
  auth?: boolean;
}

export interface ProductQuery {
  q?: string;
  category?: string;
  sort?: string;
  page?: number;
  size?: number;
}

export interface NewCard {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
  holderName?: string;
}

/** The gateway's API, and the sandbox's token endpoint, as the storefront uses them. */
export class Api {
  private readonly fetchFn: Fetch;

  constructor(
    private readonly config: AppConfig,
    private readonly session: Session,
    fetchFn?: Fetch,
  ) {
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  imageUrl(path: string): string {
    return /^https?:/.test(path) ? path : `${this.config.gatewayUrl}${path.startsWith("/") ? "" : "/"}${path}`;
  }

  products(query: ProductQuery): Promise<Page<Product>> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== "") params.set(key, String(value));
    }
    return this.request(`/api/inventory/products?${params}`);
  }

  product(id: string): Promise<Product> {
    return this.request(`/api/inventory/products/${encodeURIComponent(id)}`);
  }

  async categories(): Promise<{ name: string; productCount: number }[]> {
    return (await this.request<{ items: Category[] }>("/api/inventory/categories")).items;
  }

  placeOrder(body: unknown, idempotencyKey: string): Promise<Order> {
    return this.request("/api/orders", {
      method: "POST",
      body,
      auth: true,
      headers: { "Idempotency-Key": idempotencyKey },
    });
  }

  pay(orderId: string, paymentToken: string, idempotencyKey: string): Promise<Payment> {
    return this.request("/api/payments", {
      method: "POST",
      body: { orderId, paymentToken },
      auth: true,
      headers: { "Idempotency-Key": idempotencyKey },
    });
  }

  orders(page: number, size = 10): Promise<Page<Order>> {
    return this.request(`/api/orders?page=${page}&size=${size}`, { auth: true });
  }

  order(id: string): Promise<Order> {
    return this.request(`/api/orders/${encodeURIComponent(id)}`, { auth: true });
  }

  cancelOrder(id: string): Promise<Order> {
    return this.request(`/api/orders/${encodeURIComponent(id)}/cancel`, { method: "PUT", auth: true });
  }

  async payments(orderId: string): Promise<Payment[]> {
    const page = await this.request<Page<Payment>>(`/api/payments?orderId=${encodeURIComponent(orderId)}`, {
      auth: true,
    });
    return page.items;
  }

  /** The card goes to the card processor only; Emporium sees the token it answers. */
  async tokenizeCard(card: NewCard): Promise<string> {
    const token = await this.send<{ token: string }>(`${this.config.sandboxUrl}/v1/tokens`, {
      method: "POST",
      body: card,
    });
    return token.token;
  }

  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const url = `${this.config.gatewayUrl}${path}`;
    if (!options.auth) return this.send<T>(url, options);
    try {
      return await this.send<T>(url, options);
    } catch (error) {
      if (!(error instanceof Error && "status" in error && error.status === 401)) throw error;
      if (!(await this.session.refresh())) throw error;
      return this.send<T>(url, options);
    }
  }

  private async send<T>(url: string, options: RequestOptions): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const token = options.auth ? this.session.accessToken() : null;
    if (token) headers.Authorization = `Bearer ${token}`;
    let response: Response;
    try {
      response = await this.fetchFn(url, {
        method: options.method ?? "GET",
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      });
    } catch {
      throw unreachable();
    }
    if (!response.ok) throw await toApiError(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }
}
