/** The DanVan sync server: Fastify with zod-checked bodies, OpenAPI at /openapi.json, health at /health. */
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { type ZodType, z } from "zod";
import {
  EnrollRequest, type ErrorCode, PROTOCOL_VERSION, PullRequest, PushRequest, ResolveRequest, versionMessage,
} from "../src/sync/protocol";
import { openApiDocument } from "./openapi";
import type { Database } from "./store/database";
import { SyncError, authenticate, campaignPlan, enroll, pull, push, resolveConflict } from "./sync";

export interface AppOptions {
  db: Database;
  /** The add-in's origin: the only one a browser may call from. */
  corsOrigin?: string;
  /** Enrolments per minute from one address. */
  enrollPerMinute?: number;
}

export const BODY_LIMIT = 1024 * 1024;

function body<T>(schema: ZodType<T>, request: FastifyRequest): T {
  const parsed = schema.safeParse(request.body);
  if (!parsed.success) throw new SyncError("invalid", `Yêu cầu không hợp lệ: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
  return parsed.data;
}

/** Push and pull speak one protocol version; another one is told to update, before its body is read further. */
function versioned<T>(schema: ZodType<T>, request: FastifyRequest): T {
  const theirs = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (theirs !== PROTOCOL_VERSION) throw new SyncError("version", versionMessage(theirs), { serverVersion: PROTOCOL_VERSION });
  return body(schema, request);
}

const FRAMEWORK_ERRORS: Record<number, [ErrorCode, string]> = {
  404: ["not_found", "Không có địa chỉ này trên máy chủ."],
  413: ["too_large", "Yêu cầu quá lớn."],
  429: ["rate_limited", "Quá nhiều yêu cầu; thử lại sau một phút."],
};

function bearer(request: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  return m?.[1];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({ bodyLimit: BODY_LIMIT, logger: false });
  await app.register(cors, { origin: options.corsOrigin ?? "https://localhost:3000" });
  await app.register(rateLimit, { global: false });

  app.setErrorHandler((error: Error & { statusCode?: number }, _request, reply) => {
    if (error instanceof SyncError) return reply.status(error.status).send(error.body);
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const [code, message] = FRAMEWORK_ERRORS[status] ?? (status < 500 ? ["invalid", "Yêu cầu không hợp lệ."] : ["server", "Lỗi máy chủ; thử lại sau."]);
    return reply.status(status).send({ code, error: message });
  });

  app.setNotFoundHandler((_request, reply) => reply.status(404).send({ code: "not_found", error: FRAMEWORK_ERRORS[404][1] }));

  app.get("/health", async () => ({ ok: true, store: db.dialect }));
  app.get("/openapi.json", async () => openApiDocument());

  app.post(
    "/enroll",
    { config: { rateLimit: { max: options.enrollPerMinute ?? 10, timeWindow: 60_000 } } },
    async (request) => {
      const { code, name } = body(EnrollRequest, request);
      return enroll(db, code, name);
    }
  );

  app.post("/push", async (request) => {
    const device = await authenticate(db, bearer(request));
    const { clientID, mutations } = versioned(PushRequest, request);
    return push(db, device, clientID, mutations);
  });

  app.post("/pull", async (request) => {
    const device = await authenticate(db, bearer(request));
    const { clientID, cookie } = versioned(PullRequest, request);
    return pull(db, device, clientID, cookie);
  });

  app.get("/plan", async (request) => campaignPlan(db, await authenticate(db, bearer(request))));

  app.post("/conflicts/:id/resolve", async (request) => {
    const device = await authenticate(db, bearer(request));
    const id = z.coerce.number().int().min(1).parse((request.params as { id: string }).id);
    await resolveConflict(db, device, id, body(ResolveRequest, request).choice);
    return { ok: true };
  });

  return app;
}
