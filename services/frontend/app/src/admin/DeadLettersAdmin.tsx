import { useEffect, useRef, useState } from "react";
import { ApiError } from "../api/ApiError";
import { useSearchParams } from "react-router";
import { PageTitle } from "../components/Layout";
import { useAsync } from "../components/useAsync";
import { formatDate } from "../format";
import { DEAD_LETTER_AREAS, type DeadLetter, type DeadLetterArea, type DeadLetterDetail } from "./adminApi";
import { AdminTable } from "./AdminTable";
import { useAdminApi } from "./context";
import { OutcomeLine, useOutcome } from "./Outcome";

const isArea = (value: string | null): value is DeadLetterArea => DEAD_LETTER_AREAS.some((a) => a.area === value);

/**
 * The messages a service's consumers gave up on, with why; each can be read, replayed onto its queue (once the
 * cause is fixed) or discarded. Each service keeps its own, so the page shows one service at a time.
 */
export function DeadLettersAdmin() {
  const admin = useAdminApi();
  const [params, setParams] = useSearchParams();
  const area: DeadLetterArea = isArea(params.get("area")) ? (params.get("area") as DeadLetterArea) : "orders";
  const page = Math.max(0, Number.parseInt(params.get("page") ?? "0", 10) || 0);
  const [reloads, setReloads] = useState(0);
  const [open, setOpen] = useState<DeadLetterDetail | null>(null);
  const [busy, setBusy] = useState(false);
  const { outcome, done, failed, clear } = useOutcome();
  const letters = useAsync(() => admin.deadLetters(area, page), [admin, area, page, reloads]);
  const label = DEAD_LETTER_AREAS.find((a) => a.area === area)?.label ?? area;
  const detailHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (open) detailHeading.current?.focus();
  }, [open]);
  // the last letter of a later page was replayed or discarded: go to the last page there is
  const lastPage = letters.status === "done" ? Math.max(0, letters.value.totalPages - 1) : page;
  useEffect(() => {
    if (page > lastPage) setParams({ area, page: String(lastPage) });
  }, [page, lastPage, area, setParams]);

  const act = async (work: () => Promise<string>) => {
    clear();
    setBusy(true);
    try {
      done(await work());
      setOpen(null);
      setReloads((n) => n + 1);
    } catch (error) {
      failed(error);
      // replayed or discarded by someone else meanwhile
      if (error instanceof ApiError && error.status === 404) setReloads((n) => n + 1);
    } finally {
      setBusy(false);
    }
  };
  const show = async (letter: DeadLetter) => {
    clear();
    try {
      setOpen(await admin.deadLetter(area, letter.id));
    } catch (error) {
      failed(error);
    }
  };
  const replay = (letter: DeadLetter) =>
    act(async () => {
      await admin.replay(area, letter.id);
      return `${letter.eventType ?? "The message"} is back on ${letter.queue}.`;
    });
  const replayAll = () =>
    act(async () => {
      const count = await admin.replay(area);
      return `${count} message${count === 1 ? "" : "s"} replayed.`;
    });
  const discard = (letter: DeadLetter) => {
    if (!window.confirm(`Discard this ${letter.eventType ?? "message"}? It cannot be replayed afterwards.`)) return;
    void act(async () => {
      await admin.discard(area, letter.id);
      return `${letter.eventType ?? "The message"} is discarded.`;
    });
  };

  return (
    <>
      <PageTitle>Admin: dead letters</PageTitle>
      <div className="filters">
        <div className="field">
          <label htmlFor="admin-dead-letter-area">Service</label>
          <select
            id="admin-dead-letter-area"
            value={area}
            onChange={(e) => (setOpen(null), clear(), setParams({ area: e.target.value }))}
          >
            {DEAD_LETTER_AREAS.map((a) => (
              <option key={a.area} value={a.area}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          disabled={busy || letters.status !== "done" || letters.value.totalItems === 0}
          onClick={() => void replayAll()}
        >
          Replay all
        </button>
      </div>
      <OutcomeLine outcome={outcome} />
      <AdminTable
        state={letters}
        loading="Loading dead letters…"
        empty={<p>No dead letters in {label}: every message was handled.</p>}
        caption={`Dead letters of ${label}, newest first`}
        columns={["Event", "Queue", "Reason", "Attempts", "Dead-lettered", { hidden: "Actions" }]}
        page={page}
        onPage={(n) => setParams({ area, page: String(n) })}
        row={(letter) => {
          const named = `${letter.eventType ?? "message"} ${letter.messageId}`;
          return (
            <tr key={letter.id}>
              <th scope="row">
                {letter.eventType ?? "(no type)"}
                <span className="muted sku">
                  {letter.aggregateId ? letter.aggregateId : `message ${letter.messageId}`}
                </span>
              </th>
              <td>{letter.queue}</td>
              <td className="reason">{letter.reason}</td>
              <td>
                {letter.attempts}
                {letter.replays > 0 && <span className="muted sku">replayed {letter.replays}×</span>}
              </td>
              <td>{formatDate(letter.deadLetteredAt)}</td>
              <td>
                <div className="actions">
                  <button type="button" onClick={() => void show(letter)}>
                    Show<span className="visually-hidden"> {named}</span>
                  </button>
                  <button type="button" disabled={busy} onClick={() => void replay(letter)}>
                    Replay<span className="visually-hidden"> {named}</span>
                  </button>
                  <button type="button" disabled={busy} onClick={() => discard(letter)}>
                    Discard<span className="visually-hidden"> {named}</span>
                  </button>
                </div>
              </td>
            </tr>
          );
        }}
      />
      {open && (
        <section aria-labelledby="dead-letter-heading" className="dead-letter">
          <h2 id="dead-letter-heading" ref={detailHeading} tabIndex={-1}>
            Dead letter: {open.letter.eventType ?? "not a readable event"}
          </h2>
          <p>
            Message {open.letter.messageId} from {open.letter.routingKey ?? "an unknown routing key"}:{" "}
            {open.letter.reason}
          </p>
          <h3>Message</h3>
          <pre tabIndex={0}>{open.event != null ? JSON.stringify(open.event, null, 2) : (open.body ?? "")}</pre>
          <h3>Headers</h3>
          <pre tabIndex={0}>{JSON.stringify(open.headers, null, 2)}</pre>
          <button type="button" onClick={() => setOpen(null)}>
            Close
          </button>
        </section>
      )}
    </>
  );
}
