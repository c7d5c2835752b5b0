import type { ReactNode } from "react";
import type { Page } from "../api/types";
import { describeError } from "../components/messages";
import { Pager } from "../components/Pager";
import type { AsyncState } from "../components/useAsync";

/** A column heading; `{ hidden }` for one that only screen readers need (a column of buttons). */
export type Column = string | { hidden: string };

/**
 * One page of an admin list as every admin page shows it: a status line while it loads, the error when it failed,
 * `empty` when there is nothing (if given), else the table (scrolling sideways inside its own box on a phone)
 * and the pager. `row` draws one item as a `<tr>` with its key.
 */
export function AdminTable<T>({
  state,
  loading,
  empty,
  summary,
  caption,
  columns,
  page,
  onPage,
  row,
}: {
  state: AsyncState<Page<T>>;
  loading: string;
  empty?: ReactNode;
  summary?: (page: Page<T>) => ReactNode;
  caption: string;
  columns: Column[];
  page: number;
  onPage: (page: number) => void;
  row: (item: T) => ReactNode;
}) {
  if (state.status === "loading") return <p role="status">{loading}</p>;
  if (state.status === "failed") {
    return (
      <p role="alert" className="error">
        {describeError(state.error)}
      </p>
    );
  }
  if (state.value.items.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <>
      {summary?.(state.value)}
      <div className="table-scroll">
        <table className="admin-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) =>
                typeof column === "string" ? (
                  <th scope="col" key={column}>
                    {column}
                  </th>
                ) : (
                  <th scope="col" key={column.hidden}>
                    <span className="visually-hidden">{column.hidden}</span>
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>{state.value.items.map(row)}</tbody>
        </table>
      </div>
      <Pager page={page} totalPages={state.value.totalPages} onPage={onPage} />
    </>
  );
}
