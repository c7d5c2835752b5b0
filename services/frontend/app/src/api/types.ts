// The shapes of contracts/*.yaml the storefront reads.

export interface Page<T> {
  items: T[];
  page: number;
  size: number;
  totalItems: number;
  totalPages: number;
}

export interface Product {
  productId: string;
  sku: string;
  name: string;
  description: string;
  price: number;
  currency: string;
  category: string;
  imageUrl: string;
  available: number;
}

export interface Category {
  name: string;
  productCount: number;
}

export type Role = "customer" | "admin";

export interface UserProfile {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
  createdAt: string;
}

export interface TokenResponse {
  accessToken: string;
  tokenType: "Bearer";
  expiresIn: number;
  user: UserProfile;
}

export type OrderStatus = "pending" | "confirmed" | "shipped" | "delivered" | "cancelled";

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  postalCode: string;
  region?: string;
  country: string;
}

export interface OrderItem {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface Order {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  items: OrderItem[];
  totalAmount: number;
  currency: string;
  shippingAddress: ShippingAddress;
  paymentDueBy: string;
  placedAt: string;
  updatedAt: string;
  cancelledAt?: string;
  cancellationReason?: "customer" | "payment-expired" | "admin";
  paymentId?: string;
}

export interface Refund {
  id: string;
  status: "pending" | "succeeded" | "failed";
  reason: string;
  amount: number;
  refundedAt: string | null;
}

export interface Payment {
  id: string;
  orderId: string;
  status: "processing" | "succeeded" | "failed" | "refunded";
  amount: number;
  currency: string;
  failureReason: "card-declined" | "insufficient-funds" | "charge-not-received" | null;
  card: { brand: string; last4: string } | null;
  refund: Refund | null;
  createdAt: string;
  updatedAt: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field?: string; message?: string }[];
  lines?: { productId: string; requested: number; available: number }[];
  productIds?: string[];
  declineCode?: string;
  paymentId?: string;
}
