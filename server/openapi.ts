/** The OpenAPI document, from the same zod schemas the server checks bodies with. */
import { zodToJsonSchema } from "zod-to-json-schema";
import type { ZodType } from "zod";
import {
  EnrollRequest,
  EnrollResponse,
  ErrorBody,
  HealthResponse,
  PullRequest,
  PullResponse,
  PushRequest,
  PushResponse,
  ResolveRequest,
} from "../src/sync/protocol";

// zod-to-json-schema's generics recurse too deep on these schemas; the schema itself is all it needs.
const toJson = zodToJsonSchema as unknown as (
  schema: ZodType,
  options: { target: "openApi3" }
) => object;
const json = (schema: ZodType) => ({
  "application/json": { schema: toJson(schema, { target: "openApi3" }) },
});
const error = {
  description: "Lỗi: mã `code` và thông điệp tiếng Việt `error`",
  content: json(ErrorBody),
};
const secured = [{ device: [] }];

export function openApiDocument() {
  return {
    openapi: "3.0.3",
    info: {
      title: "DanVan sync",
      version: "1.0.0",
      description: "Nhật ký các ấp về xã, tổng hợp của xã lên trên.",
    },
    components: { securitySchemes: { device: { type: "http", scheme: "bearer" } } },
    paths: {
      "/health": {
        get: {
          responses: {
            200: { description: "Máy chủ và kho dữ liệu đang chạy", content: json(HealthResponse) },
            503: { description: "Không kết nối được kho dữ liệu", content: json(HealthResponse) },
          },
        },
      },
      "/metrics": {
        get: {
          responses: {
            200: {
              description: "Số liệu vận hành, định dạng văn bản Prometheus",
              content: { "text/plain": {} },
            },
          },
        },
      },
      "/enroll": {
        post: {
          requestBody: { content: json(EnrollRequest) },
          responses: {
            200: {
              description: "Thiết bị đã đăng ký; mã chỉ hiện một lần",
              content: json(EnrollResponse),
            },
            403: error,
            429: error,
          },
        },
      },
      "/push": {
        post: {
          security: secured,
          requestBody: { content: json(PushRequest) },
          responses: {
            200: { description: "Đã ghi bền", content: json(PushResponse) },
            400: error,
            401: error,
            409: error,
            426: error,
            503: error,
          },
        },
      },
      "/pull": {
        post: {
          security: secured,
          requestBody: { content: json(PullRequest) },
          responses: {
            200: { description: "Thay đổi từ cookie", content: json(PullResponse) },
            400: error,
            401: error,
            426: error,
            503: error,
          },
        },
      },
      "/plan": {
        get: {
          security: secured,
          responses: { 200: { description: "Kế hoạch của xã" }, 401: error },
        },
      },
      "/conflicts/{id}/resolve": {
        post: {
          security: secured,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
          requestBody: { content: json(ResolveRequest) },
          responses: { 200: { description: "Đã giải quyết" }, 400: error, 403: error, 404: error },
        },
      },
    },
  };
}
