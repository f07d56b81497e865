/** The campaign's plan as the server keeps it (GET /plan): what a device without a workbook reports against. */
import { type Plan, Plan as PlanSchema } from "../core/model";
import { NOT_DANVAN_ANSWER, errorBody, refusal } from "./client";
import { AuthError, ServerError, UnreachableError } from "./errors";
import type { Identity } from "./identity";

export async function fetchPlan(
  identity: Identity,
  fetchImpl: typeof fetch = fetch
): Promise<Plan> {
  let response: Response;
  try {
    response = await fetchImpl(`${identity.server.replace(/\/+$/, "")}/plan`, {
      headers: { authorization: `Bearer ${identity.token}` },
    });
  } catch {
    throw new UnreachableError("Không kết nối được máy chủ.");
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.status !== 200) {
    const error = errorBody(body);
    if (error?.code === "auth") throw new AuthError(error.error);
    throw refusal(response.status, error);
  }
  const plan = PlanSchema.safeParse(body);
  if (!plan.success) throw new ServerError(NOT_DANVAN_ANSWER);
  return plan.data;
}
