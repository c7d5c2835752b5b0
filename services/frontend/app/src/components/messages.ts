import { ApiError } from "../api/ApiError";

/** What a person should read when a request failed. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return "The shop cannot be reached right now. Check your connection and try again.";
    if (error.status === 503) return "The shop is busy or down for a moment. Please try again later.";
    if (error.status === 404) return "We could not find that.";
    if (error.status === 429) return "Too many requests; please wait a moment and try again.";
    if (error.status >= 500) return "Something went wrong on our side. Please try again later.";
    const fields = error.problem.errors?.map((e) => [e.field, e.message].filter(Boolean).join(": "));
    if (fields?.length) return fields.join("; ");
    return error.problem.detail ?? error.problem.title ?? error.message;
  }
  return "Something went wrong. Please try again.";
}
