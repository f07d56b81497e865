/**
 * The DanVan sync server: Fastify with zod-checked bodies, OpenAPI at /openapi.json, health at /health, Prometheus
 * metrics at /metrics. One log line per request (id, route, status, duration, device) — never a body, a token or
 * an enrolment code, nor a raw URL, which could carry one.
 */
import cors from "@fastify/cors";
import rateLimit from "@fastify/rate-limit";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
  type LogLevel,
} from "fastify";
import { type ZodType, z } from "zod";
import { describeInvalid } from "../src/sync/invalid";
import {
  CampaignRequest,
  CodeTarget,
  EnrollRequest,
  type ErrorCode,
  type HealthResponse,
  PROTOCOL_VERSION,
  PullRequest,
  PushRequest,
  ReportRequest,
  ResolveRequest,
  RollupRequest,
  RollupSettingsRequest,
  versionMessage,
} from "../src/sync/protocol";
import { createCampaignFor, issueCodeFor, listDevices, revokeIn } from "./hierarchy";
import { communeReport, rollupFor, rollupSettingsFor } from "./reports";
import { MAX_STORED_INT } from "../src/sync/row-check";
import { SyncMetrics } from "./metrics";
import { openApiDocument } from "./openapi";
import { registerPhonePage } from "./phone-page";
import { type Database, StoreUnavailable } from "./store/database";
import { type Caller, SyncError, campaignPlan, enroll, pull, push, resolveConflict } from "./sync";

export interface AppOptions {
  db: Database;
  /** The add-in's origin: the only one a browser may call from. */
  corsOrigin?: string;
  /** Enrolments per minute from one address. */
  enrollPerMinute?: number;
  /** Request log: "info" to stdout unless told otherwise ("silent" for quiet tests). */
  log?: { level?: LogLevel; stream?: { write(line: string): void } };
}

export const BODY_LIMIT = 1024 * 1024;

/** Client ids are printable ASCII (the server hands out hex); anything else never reaches the store. */
const ClientID = z.string().regex(/^[\x21-\x7e]{8,64}$/);
const PushBody = PushRequest.extend({ clientID: ClientID });
const PullBody = PullRequest.extend({ clientID: ClientID });

function body<T>(schema: ZodType<T>, request: FastifyRequest): T {
  const parsed = schema.safeParse(request.body);
  if (!parsed.success) throw new SyncError("invalid", describeInvalid(parsed.error));
  return parsed.data;
}

/** Push and pull speak one protocol version; another one is told to update, before its body is read further. */
function versioned<T>(schema: ZodType<T>, request: FastifyRequest): T {
  const theirs = (request.body as { protocolVersion?: unknown } | null)?.protocolVersion;
  if (theirs !== PROTOCOL_VERSION)
    throw new SyncError("version", versionMessage(theirs), { serverVersion: PROTOCOL_VERSION });
  return body(schema, request);
}

/** An id from the path (a conflict's, a device's): a whole number the store can hold, or a typed refusal. */
function pathId(request: FastifyRequest, what: string): number {
  const text = (request.params as { id: string }).id;
  const id = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : NaN;
  if (!(id <= MAX_STORED_INT))
    throw new SyncError("invalid", `Số ${what} không hợp lệ (cần một số nguyên dương).`);
  return id;
}

const FRAMEWORK_ERRORS: Record<number, [ErrorCode, string]> = {
  404: ["not_found", "Không có địa chỉ này trên máy chủ."],
  413: ["too_large", "Yêu cầu quá lớn."],
  429: ["rate_limited", "Quá nhiều yêu cầu; thử lại sau một phút."],
  500: ["server", "Lỗi máy chủ; thử lại sau."],
  503: ["unavailable", "Máy chủ tạm thời không kết nối được kho dữ liệu; thử lại sau."],
};

function bearer(request: FastifyRequest): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "");
  return m?.[1];
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
  }
}

/** The request's caller, from its bearer token; kept on the request so the log line can name the device. */
function callerOf(request: FastifyRequest): Caller {
  request.caller = { token: bearer(request) };
  return request.caller;
}

/** What the store says within a few seconds: a health check never hangs on a dead database. */
async function storeReachable(db: Database): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error("timeout")), 3000))
  );
  try {
    await Promise.race([db.ping(), timeout]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const app = Fastify({
    bodyLimit: BODY_LIMIT,
    logger: {
      level: options.log?.level ?? "info",
      ...(options.log?.stream ? { stream: options.log.stream } : {}),
    },
    // Fastify's own two lines per request would log the raw URL; ours (onResponse) is the one line.
    logController: new LogController({ disableRequestLogging: true }),
    // A path the router cannot even decode ("%FF") is a typed refusal too.
    frameworkErrors: (_error, _request, reply) => {
      (reply as FastifyReply)
        .status(400)
        .send({ code: "invalid", error: "Địa chỉ yêu cầu không hợp lệ." });
    },
  });
  const metrics = new SyncMetrics(db);
  await app.register(cors, { origin: options.corsOrigin ?? "https://localhost:3000" });
  await app.register(rateLimit, { global: false });
  app.decorateRequest("caller", null);

  app.addHook("onResponse", async (request, reply) => {
    if (request.routeOptions.url === "/push")
      metrics.pushed(reply.statusCode, reply.elapsedTime / 1000);
    request.log.info(
      {
        route: request.routeOptions.url ?? null,
        method: request.method,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        device: request.caller?.device?.id ?? null,
      },
      "request"
    );
  });

  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    if (error instanceof SyncError) return reply.status(error.status).send(error.body);
    const status =
      error instanceof StoreUnavailable
        ? 503
        : error.statusCode && error.statusCode < 500
          ? error.statusCode
          : 500;
    if (status >= 500)
      request.log.error(
        { err: error instanceof StoreUnavailable ? error.cause : error },
        "request failed"
      );
    const [code, message] = FRAMEWORK_ERRORS[status] ?? ["invalid", "Yêu cầu không hợp lệ."];
    return reply.status(status).send({ code, error: message });
  });

  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ code: "not_found", error: FRAMEWORK_ERRORS[404][1] })
  );

  app.get("/health", async (_request, reply) => {
    const reachable = await storeReachable(db);
    const answer: HealthResponse = reachable
      ? { ok: true, store: db.dialect, reachable }
      : { ok: false, store: db.dialect, reachable, error: "Không kết nối được kho dữ liệu." };
    return reply.status(reachable ? 200 : 503).send(answer);
  });
  app.get("/metrics", async (_request, reply) =>
    reply.type(metrics.contentType).send(await metrics.text())
  );
  app.get("/openapi.json", async () => openApiDocument());
  await registerPhonePage(app);

  app.post(
    "/enroll",
    { config: { rateLimit: { max: options.enrollPerMinute ?? 10, timeWindow: 60_000 } } },
    async (request) => {
      const { code, name, scope } = body(EnrollRequest, request);
      return enroll(db, code, name, scope);
    }
  );

  app.post("/push", async (request) => {
    const { clientID, mutations } = versioned(PushBody, request);
    const response = await push(db, callerOf(request), clientID, mutations);
    metrics.mutated(response.results);
    return response;
  });

  app.post("/pull", async (request) => {
    const { clientID, cookie } = versioned(PullBody, request);
    return pull(db, callerOf(request), clientID, cookie);
  });

  app.get("/plan", async (request) => campaignPlan(db, callerOf(request)));

  app.post("/conflicts/:id/resolve", async (request) => {
    const caller = callerOf(request);
    const id = pathId(request, "xung đột");
    await resolveConflict(db, caller, id, body(ResolveRequest, request).choice);
    return { ok: true };
  });

  registerHierarchy(app, db);
  return app;
}

/** Onboarding, devices, the communes' reports and the roll-up: each acts within the caller's own subtree. */
function registerHierarchy(app: FastifyInstance, db: Database): void {
  app.post("/codes", async (request) =>
    issueCodeFor(db, callerOf(request), body(CodeTarget, request))
  );
  app.post("/campaigns", async (request) =>
    createCampaignFor(db, callerOf(request), body(CampaignRequest, request).plan)
  );
  app.post("/devices", async (request) => ({ devices: await listDevices(db, callerOf(request)) }));
  app.post("/devices/:id/revoke", async (request) => {
    const caller = callerOf(request);
    await revokeIn(db, caller, pathId(request, "thiết bị"));
    return { ok: true };
  });
  app.post("/report", async (request) =>
    communeReport(db, callerOf(request), body(ReportRequest, request))
  );
  app.post("/rollup", async (request) =>
    rollupFor(db, callerOf(request), body(RollupRequest, request).date)
  );
  app.post("/rollup-settings", async (request) =>
    rollupSettingsFor(db, callerOf(request), body(RollupSettingsRequest, request))
  );
}
