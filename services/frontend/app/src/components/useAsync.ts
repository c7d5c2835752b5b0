import { useEffect, useState, type DependencyList } from "react";

export type AsyncState<T> =
  | { status: "loading" }
  | { status: "done"; value: T }
  | { status: "failed"; error: unknown };

/** Runs a load when its inputs change; an answer for inputs that changed meanwhile is dropped. */
export function useAsync<T>(load: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: "loading" });
  useEffect(() => {
    let current = true;
    setState((previous) => (previous.status === "loading" ? previous : { status: "loading" }));
    load().then(
      (value) => current && setState({ status: "done", value }),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
    // the caller lists the inputs
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
