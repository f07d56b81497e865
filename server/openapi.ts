/** The OpenAPI document, from the same zod schemas the server checks bodies with. */
import { zodToJsonSchema } from "zod-to-json-schema";
import type { ZodType } from "zod";
import {
  EnrollRequest, EnrollResponse, PullRequest, PullResponse, PushRequest, PushResponse, ResolveRequest,
} from "../src/sync/protocol";

// zod-to-json-schema's generics recurse too deep on these schemas; the schema itself is all it needs.
const toJson = zodToJsonSchema as unknown as (schema: ZodType, options: { target: "openApi3" }) => object;
const json = (schema: ZodType) => ({ "application/json": { schema: toJson(schema, { target: "openApi3" }) } });
const error = { description: "Lỗi, với thông điệp tiếng Việt", content: { "application/json": { schema: { type: "object", properties: { error: { type: "string" } } } } } };
const secured = [{ device: [] }];

export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: { title: "DanVan sync", version: "1.0.0", description: "Nhật ký các ấp về xã, tổng hợp của xã lên trên." },
    components: { securitySchemes: { device: { type: "http", scheme: "bearer" } } },
    paths: {
      "/health": { get: { responses: { 200: { description: "Máy chủ đang chạy" } } } },
      "/enroll": {
        post: { requestBody: { content: json(EnrollRequest) }, responses: { 200: { description: "Thiết bị đã đăng ký; mã chỉ hiện một lần", content: json(EnrollResponse) }, 403: error, 429: error } },
      },
      "/push": {
        post: { security: secured, requestBody: { content: json(PushRequest) }, responses: { 200: { description: "Đã ghi bền", content: json(PushResponse) }, 401: error, 409: error } },
      },
      "/pull": {
        post: { security: secured, requestBody: { content: json(PullRequest) }, responses: { 200: { description: "Thay đổi từ cookie", content: json(PullResponse) }, 401: error } },
      },
      "/plan": { get: { security: secured, responses: { 200: { description: "Kế hoạch của xã" }, 401: error } } },
      "/conflicts/{id}/resolve": {
        post: {
          security: secured,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          requestBody: { content: json(ResolveRequest) },
          responses: { 200: { description: "Đã giải quyết" }, 403: error, 404: error },
        },
      },
    },
  };
}
