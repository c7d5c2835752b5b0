import type { Problem } from "./types";

/** An answer that was not 2xx, with its problem+json when there was one; status 0 when nothing answered. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `request failed (${status})`);
    this.name = "ApiError";
    this.status = status;
    this.problem = problem;
  }

  /** The problem's kind: the last part of its type URN ("insufficient-stock"). */
  get kind(): string {
    return this.problem.type?.split(":").pop() ?? "";
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = { status: response.status };
  try {
    const text = await response.text();
    if (text) problem = { ...problem, ...(JSON.parse(text) as Problem) };
  } catch {
    // a body that is not JSON (a proxy's error page) says nothing more than the status
  }
  return new ApiError(response.status, problem);
}

export function unreachable(): ApiError {
  return new ApiError(0, { title: "The shop could not be reached" });
}
