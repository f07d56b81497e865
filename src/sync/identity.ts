/** A device's identity: what enrolment gave it, kept where the client keeps things, and how it is obtained. */
import { z } from "zod";
import { ServerError, UnreachableError } from "./errors";
import type { Transport } from "./client";
import { errorBody, refusal } from "./client";
import { type EnrollRequest, EnrollResponse } from "./protocol";
import { type SavedFormat, type SavedPlace, savedDocument } from "./saved";

export const Identity = EnrollResponse.extend({ server: z.string().min(1) });
export type Identity = z.infer<typeof Identity>;

export const IDENTITY_FORMAT: SavedFormat<Identity> = {
  what: "Thông tin đăng ký thiết bị",
  next: "Hãy xin xã mã đăng ký mới và đăng ký lại thiết bị; các dòng chưa gửi vẫn được giữ.",
  version: 1,
  schema: Identity,
  upgrades: {},
};

/** The saved identity, or null; a damaged one is set aside and `notice` says so. */
export async function readIdentity(
  place: SavedPlace
): Promise<{ identity: Identity | null; notice: string | null }> {
  let notice: string | null = null;
  const identity = await savedDocument(place, IDENTITY_FORMAT, (m) => (notice = m)).load();
  return { identity, notice };
}

export function saveIdentity(place: SavedPlace, identity: Identity): Promise<void> {
  return savedDocument(place, IDENTITY_FORMAT, () => undefined).save(identity);
}

/**
 * Enrols this device with a one-time code and keeps the identity. Not retried: a code is used up by the first
 * request that reaches the server. `scope` "hamlet" takes only a hamlet's code (see EnrollRequest).
 */
export async function enroll(
  transport: Transport,
  request: { server: string; code: string; name: string; scope?: EnrollRequest["scope"] },
  place: SavedPlace
): Promise<Identity> {
  let response: { status: number; body: unknown };
  try {
    response = await transport.post(
      "/enroll",
      { code: request.code, name: request.name, scope: request.scope },
      ""
    );
  } catch {
    throw new UnreachableError("Không kết nối được máy chủ.");
  }
  if (response.status !== 200) {
    const error = errorBody(response.body);
    throw refusal(response.status, error);
  }
  const answer = EnrollResponse.safeParse(response.body);
  if (!answer.success)
    throw new ServerError("Máy chủ trả lời không đúng giao thức DanVan; kiểm tra địa chỉ máy chủ.");
  const identity = { ...answer.data, server: request.server };
  await saveIdentity(place, identity);
  return identity;
}
