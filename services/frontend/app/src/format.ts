const formatters = new Map<string, Intl.NumberFormat>();

/** An amount in major units (12.5) in its currency, the way the reader's locale writes it. */
export function formatMoney(amount: number, currency: string, locale?: string): string {
  const key = `${locale ?? ""}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: "currency", currency });
    formatters.set(key, formatter);
  }
  return formatter.format(amount);
}

export function formatDate(iso: string, locale?: string): string {
  return new Date(iso).toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** "In stock", "Only N left" (five or fewer), "Out of stock". */
export function availability(available: number): { label: string; inStock: boolean } {
  if (available <= 0) return { label: "Out of stock", inStock: false };
  if (available <= 5) return { label: `Only ${available} left`, inStock: true };
  return { label: "In stock", inStock: true };
}
