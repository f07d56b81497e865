/**
 * A zod refusal in words a commune officer reads: which field, and what is wrong with it, in Vietnamese. Field
 * paths can hold names the sender chose, so they are shown shortened and without characters a workbook or a
 * database cannot hold.
 */
import type { ZodError, ZodIssue } from "zod";
import { stripXmlUnsafe } from "../core/text";

const TYPES: Record<string, string> = {
  string: "chữ",
  number: "số",
  integer: "số nguyên",
  boolean: "đúng/sai",
  object: "đối tượng",
  array: "danh sách",
  null: "rỗng",
};

/** Text sent by a client, fit to quote back: no unsafe characters, at most `max` characters. */
export function quoted(text: string, max = 40): string {
  const safe = stripXmlUnsafe(text);
  return safe.length > max ? `${safe.slice(0, max)}…` : safe;
}

function issueText(issue: ZodIssue): string {
  const field = issue.path.length ? `"${quoted(issue.path.join("."))}"` : "nội dung";
  switch (issue.code) {
    case "invalid_type":
      return issue.received === "undefined"
        ? `thiếu ${field}`
        : `${field} phải là ${TYPES[issue.expected] ?? issue.expected}`;
    case "too_small":
      return issue.type === "string" || issue.type === "array"
        ? `${field} quá ngắn`
        : `${field} nhỏ hơn mức cho phép (${issue.minimum})`;
    case "too_big":
      return issue.type === "string" || issue.type === "array"
        ? `${field} quá dài (tối đa ${issue.maximum})`
        : `${field} lớn hơn mức cho phép (${issue.maximum})`;
    case "invalid_literal":
      return `${field} phải là ${JSON.stringify(issue.expected)}`;
    case "invalid_enum_value":
      return `${field} phải là một trong ${issue.options.map((o) => JSON.stringify(o)).join(", ")}`;
    case "not_finite":
      return `${field} phải là số hữu hạn`;
    case "custom":
      // Our own refinements say what is wrong in Vietnamese; zod's default for the others is English.
      return issue.message === "Invalid input"
        ? `${field} không hợp lệ`
        : `${field} ${issue.message}`;
    default:
      return `${field} không hợp lệ`;
  }
}

/** "Yêu cầu không hợp lệ: thiếu "clientID"; "cookie" phải là số" — every issue, in order. */
export function describeInvalid(error: ZodError, what = "Yêu cầu không hợp lệ"): string {
  return `${what}: ${error.issues.slice(0, 3).map(issueText).join("; ")}.`;
}
