import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { Product } from "../api/types";

export interface CartLine {
  productId: string;
  name: string;
  price: number;
  currency: string;
  imageUrl: string;
  quantity: number;
}

export const CART_KEY = "emporium.cart";
export const MAX_QUANTITY = 99;

interface Cart {
  lines: CartLine[];
  count: number;
  total: number;
  currency: string | null;
  add(product: Product, quantity?: number): void;
  setQuantity(productId: string, quantity: number): void;
  remove(productId: string): void;
  clear(): void;
}

const CartContext = createContext<Cart | null>(null);

function load(): CartLine[] {
  try {
    const stored = JSON.parse(localStorage.getItem(CART_KEY) ?? "[]") as unknown;
    return Array.isArray(stored) ? (stored as CartLine[]).filter((line) => line.quantity > 0) : [];
  } catch {
    return [];
  }
}

/** The cart, kept in localStorage so it survives reloads and signing out. */
export function CartProvider({ children }: { children: ReactNode }) {
  const [lines, setLines] = useState<CartLine[]>(load);

  useEffect(() => {
    localStorage.setItem(CART_KEY, JSON.stringify(lines));
  }, [lines]);

  // another tab changed the cart
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === CART_KEY) setLines(load());
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, []);

  const add = useCallback((product: Product, quantity = 1) => {
    setLines((current) => {
      const existing = current.find((line) => line.productId === product.productId);
      if (existing) {
        return current.map((line) =>
          line === existing ? { ...line, quantity: Math.min(MAX_QUANTITY, line.quantity + quantity) } : line,
        );
      }
      const { productId, name, price, currency, imageUrl } = product;
      return [...current, { productId, name, price, currency, imageUrl, quantity }];
    });
  }, []);

  const setQuantity = useCallback((productId: string, quantity: number) => {
    setLines((current) =>
      quantity <= 0
        ? current.filter((line) => line.productId !== productId)
        : current.map((line) =>
            line.productId === productId ? { ...line, quantity: Math.min(MAX_QUANTITY, quantity) } : line,
          ),
    );
  }, []);

  const remove = useCallback((productId: string) => {
    setLines((current) => current.filter((line) => line.productId !== productId));
  }, []);

  const clear = useCallback(() => setLines([]), []);

  const cart = useMemo<Cart>(
    () => ({
      lines,
      count: lines.reduce((sum, line) => sum + line.quantity, 0),
      total: Math.round(lines.reduce((sum, line) => sum + line.price * line.quantity, 0) * 100) / 100,
      currency: lines[0]?.currency ?? null,
      add,
      setQuantity,
      remove,
      clear,
    }),
    [lines, add, setQuantity, remove, clear],
  );

  return <CartContext.Provider value={cart}>{children}</CartContext.Provider>;
}

export function useCart(): Cart {
  const cart = useContext(CartContext);
  if (!cart) throw new Error("useCart needs a CartProvider");
  return cart;
}
