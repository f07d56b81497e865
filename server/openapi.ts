/** The OpenAPI document, from the same zod schemas the server checks bodies with. */
import { zodToJsonSchema } from "zod-to-json-schema";
import { type ZodType, z } from "zod";
import {
  CampaignRequest,
  CodeTarget,
  CommuneReport,
  CreatedCampaign,
  DevicesResponse,
  IssuedCode,
  ReportRequest,
  RollupRequest,
  RollupResponse,
  RollupSettings,
  RollupSettingsRequest,
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

/** A device's request of the hierarchy: its body, its answer, and the refusals it can meet. */
function hierarchy(request: ZodType, description: string, answer: ZodType) {
  return {
    post: {
      security: secured,
      requestBody: { content: json(request) },
      responses: {
        200: { description, content: json(answer) },
        400: error,
        401: error,
        403: error,
        404: error,
      },
    },
  };
}

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
      "/codes": hierarchy(CodeTarget, "Mã đăng ký mới (chỉ hiện một lần)", IssuedCode),
      "/campaigns": hierarchy(CampaignRequest, "Đợt mới của xã và mã các ấp", CreatedCampaign),
      "/devices": hierarchy(
        z.object({}),
        "Các thiết bị trong phạm vi của thiết bị gọi",
        DevicesResponse
      ),
      "/devices/{id}/revoke": {
        post: {
          ...hierarchy(z.object({}), "Đã thu hồi", z.object({ ok: z.literal(true) })).post,
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }],
        },
      },
      "/report": hierarchy(ReportRequest, "Báo cáo mới nhất của xã trong ngày", CommuneReport),
      "/rollup": hierarchy(RollupRequest, "Tổng hợp báo cáo các xã trong ngày", RollupResponse),
      "/rollup-settings": hierarchy(
        RollupSettingsRequest,
        "Giờ nhận báo cáo và tiêu đề của tỉnh (huyện)",
        RollupSettings
      ),
    },
  };
}
