import type { Api } from "../api/client";
import type { Order, OrderStatus, Page, Role, UserProfile } from "../api/types";

// The admin endpoints of contracts/*.yaml, under /api/<area>/admin/**, which the gateway and each service keep to
// the admin role. A customer's token gets 403 from them whatever this page shows.

export interface AdminProduct {
  productId: string;
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  image: string;
  imageUrl: string;
  onHand: number;
  reserved: number;
  available: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProductDetails {
  name: string;
  description: string;
  price: number;
  category: string;
  image: string;
}

/** A new product; without an image it gets the catalog's placeholder. */
export interface NewProduct extends Omit<ProductDetails, "image"> {
  image?: string;
  sku: string;
  onHand: number;
}

/** The services whose event consumers keep dead letters, by the area their admin path names. */
export const DEAD_LETTER_AREAS = [
  { area: "inventory", label: "Inventory" },
  { area: "orders", label: "Orders" },
  { area: "payments", label: "Payments" },
] as const;

export type DeadLetterArea = (typeof DEAD_LETTER_AREAS)[number]["area"];

export interface DeadLetter {
  id: string;
  queue: string;
  messageId: string;
  eventType: string | null;
  routingKey: string | null;
  aggregateId: string | null;
  reason: string;
  attempts: number;
  deadLetteredAt: string;
  replays: number;
}

/** One dead letter with its message: `event` when the body is JSON, else `body` as text (the other left out). */
export interface DeadLetterDetail {
  letter: DeadLetter;
  headers: Record<string, unknown>;
  event?: unknown;
  body?: string | null;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

const id = encodeURIComponent;

/** The version a product write is based on, as the ETag the inventory service answers ("7"). */
const ifMatch = (product: AdminProduct) => ({ "If-Match": `"${product.version}"` });

export class AdminApi {
  constructor(private readonly api: Api) {}

  products(params: { q?: string; page: number; size?: number }): Promise<Page<AdminProduct>> {
    // no sort: by name, or by relevance when searching (the contract's defaults)
    return this.api.request(`/api/inventory/admin/products?${query({ size: 20, ...params })}`, {
      auth: true,
    });
  }

  createProduct(product: NewProduct): Promise<AdminProduct> {
    return this.api.request("/api/inventory/admin/products", { method: "POST", body: product, auth: true });
  }

  updateProduct(product: AdminProduct, details: ProductDetails): Promise<AdminProduct> {
    return this.api.request(`/api/inventory/admin/products/${id(product.productId)}`, {
      method: "PUT",
      body: details,
      headers: ifMatch(product),
      auth: true,
    });
  }

  adjustStock(product: AdminProduct, delta: number): Promise<AdminProduct> {
    return this.api.request(`/api/inventory/admin/products/${id(product.productId)}/stock-adjustments`, {
      method: "POST",
      body: { delta },
      headers: ifMatch(product),
      auth: true,
    });
  }

  orders(params: { status?: OrderStatus | ""; page: number; size?: number }): Promise<Page<Order>> {
    return this.api.request(`/api/orders/admin/orders?${query({ size: 20, ...params })}`, { auth: true });
  }

  ship(orderId: string): Promise<Order> {
    return this.api.request(`/api/orders/admin/orders/${id(orderId)}/ship`, { method: "PUT", auth: true });
  }

  deliver(orderId: string): Promise<Order> {
    return this.api.request(`/api/orders/admin/orders/${id(orderId)}/deliver`, { method: "PUT", auth: true });
  }

  deadLetters(area: DeadLetterArea, page: number): Promise<Page<DeadLetter>> {
    return this.api.request(`/api/${area}/admin/dead-letters?${query({ page, size: 20 })}`, { auth: true });
  }

  deadLetter(area: DeadLetterArea, letterId: string): Promise<DeadLetterDetail> {
    return this.api.request(`/api/${area}/admin/dead-letters/${id(letterId)}`, { auth: true });
  }

  async replay(area: DeadLetterArea, letterId?: string): Promise<number> {
    const path = letterId ? `${id(letterId)}/replay` : "replay";
    const answer = await this.api.request<{ replayed: number }>(`/api/${area}/admin/dead-letters/${path}`, {
      method: "POST",
      auth: true,
    });
    return answer.replayed;
  }

  discard(area: DeadLetterArea, letterId: string): Promise<void> {
    return this.api.request(`/api/${area}/admin/dead-letters/${id(letterId)}`, { method: "DELETE", auth: true });
  }

  users(page: number): Promise<Page<UserProfile>> {
    return this.api.request(`/api/users/admin/users?${query({ page, size: 20 })}`, { auth: true });
  }

  setRoles(userId: string, roles: Role[]): Promise<UserProfile> {
    return this.api.request(`/api/users/admin/users/${id(userId)}/roles`, {
      method: "PUT",
      body: { roles },
      auth: true,
    });
  }

  setDisabled(userId: string, disabled: boolean): Promise<UserProfile> {
    return this.api.request(`/api/users/admin/users/${id(userId)}/${disabled ? "disable" : "enable"}`, {
      method: "PUT",
      auth: true,
    });
  }
}
