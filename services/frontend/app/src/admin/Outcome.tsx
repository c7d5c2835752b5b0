import { useCallback, useState } from "react";
import { ApiError } from "../api/ApiError";
import { describeError } from "../components/messages";

export type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** The last admin action's outcome: announced politely when it worked, as an alert when it did not. */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const done = useCallback((text: string) => setOutcome({ ok: true, text }), []);
  const failed = useCallback((error: unknown) => setOutcome({ ok: false, text: describeAdminError(error) }), []);
  const clear = useCallback(() => setOutcome(null), []);
  return { outcome, done, failed, clear };
}

export function OutcomeLine({ outcome }: { outcome: Outcome }) {
  return (
    <>
      <p role="status" className="outcome">
        {outcome?.ok ? outcome.text : ""}
      </p>
      {outcome && !outcome.ok && (
        <p role="alert" className="error">
          {outcome.text}
        </p>
      )}
    </>
  );
}

/**
 * What an admin should read when an action failed: the shop's customer wording, except that a refusal names the
 * missing role, and an unavailable service says what its problem says (the broker is down, the letters are kept).
 */
export function describeAdminError(error: unknown): string {
  if (error instanceof ApiError && error.status === 403) {
    return "Only administrators may do this. Sign in again with an administrator account.";
  }
  if (error instanceof ApiError && error.status === 503 && error.problem.detail) return error.problem.detail;
  return describeError(error);
}

/** The ids whose action is under way, so that each row's buttons wait for their own request only. */
export function useBusy() {
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const start = useCallback((id: string) => setBusy((all) => new Set(all).add(id)), []);
  const end = useCallback(
    (id: string) =>
      setBusy((all) => {
        const next = new Set(all);
        next.delete(id);
        return next;
      }),
    [],
  );
  return { busy, start, end };
}
