/**
 * The enrolment codes this device has issued, kept in the pane's storage: a server shows a code once, and the
 * Mã đăng ký sheet lists every hamlet (or commune) however many times the pane was closed between codes.
 */
import { z } from "zod";
import { sentAtText, vietnamNow } from "../core/dates";
import {
  type EnrolmentCode,
  EnrolmentCode as CodeSchema,
  type EnrolmentSheet,
} from "../core/enrolment-layout";
import { clean } from "../core/text";
import type { Identity } from "../sync/identity";
import { panePlace } from "../sync/office-store";
import { type SavedFormat, type SavedPlace, savedDocument } from "../sync/saved";

const Kept = z.object({ codes: z.array(CodeSchema) });
type Kept = z.infer<typeof Kept>;

const FORMAT: SavedFormat<Kept> = {
  what: "Danh sách mã đăng ký đã cấp",
  next: "Trang Mã đăng ký sẽ chỉ có các mã cấp từ bây giờ; mã cũ vẫn dùng được đến khi hết hạn.",
  version: 1,
  schema: Kept,
  upgrades: {},
};

/** Where one enrolment's codes are kept: a device enrolled again starts a list of its own. */
export const codesPlace = (identity: Identity): SavedPlace =>
  panePlace(`danvan.codes.${identity.clientID}`);

/**
 * A code as the server answered it, its expiry in Vietnam time as the sheet prints it; a commune under a
 * district is named with it, as the roll-up names it: "Tân Phong (Tân Biên)".
 */
export function enrolmentCode(
  issued: { name: string; code: string; expires_at: string },
  district?: string
): EnrolmentCode {
  return {
    name: district ? `${issued.name} (${district})` : issued.name,
    code: issued.code,
    expires: sentAtText(vietnamNow(Date.parse(issued.expires_at))),
  };
}

/**
 * Adds `codes` to those kept (a new code for a name replaces its older one, `replaceAll` starts afresh, as a
 * new campaign does) and returns the whole list.
 */
export async function keepCodes(
  place: SavedPlace,
  codes: EnrolmentCode[],
  notify: (message: string) => void,
  replaceAll = false
): Promise<EnrolmentCode[]> {
  const doc = savedDocument(place, FORMAT, notify);
  const kept = replaceAll ? [] : ((await doc.load())?.codes ?? []);
  const fresh = new Set(codes.map((c) => clean(c.name)));
  const all = [...kept.filter((c) => !fresh.has(clean(c.name))), ...codes];
  await doc.save({ codes: all });
  return all;
}

/** The Mã đăng ký sheet of this device's codes: a commune's for its hamlets, a province's for its communes. */
export function enrolmentSheet(identity: Identity, codes: EnrolmentCode[]): EnrolmentSheet {
  const commune = identity.scope === "commune";
  const issuer = commune
    ? `xã ${identity.commune}`
    : identity.scope === "district"
      ? `huyện ${identity.district ?? ""}`
      : `tỉnh ${identity.province ?? ""}`;
  return { server: identity.server, kind: commune ? "hamlet" : "commune", issuer, codes };
}
