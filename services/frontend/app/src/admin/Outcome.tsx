import { useCallback, useState } from "react";
import { describeError } from "../components/messages";

export type Outcome = { ok: true; text: string } | { ok: false; text: string } | null;

/** The last admin action's outcome: announced politely when it worked, as an alert when it did not. */
export function useOutcome() {
  const [outcome, setOutcome] = useState<Outcome>(null);
  const done = useCallback((text: string) => setOutcome({ ok: true, text }), []);
  const failed = useCallback((error: unknown) => setOutcome({ ok: false, text: describeError(error) }), []);
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
