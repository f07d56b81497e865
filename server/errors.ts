import { ERROR_STATUS, ErrorBody, type ErrorCode } from "../src/sync/protocol";

/** A refusal the client is told about, as one of the protocol's typed error bodies. */
export class SyncError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Record<string, unknown> = {}
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }

  get body(): ErrorBody {
    return ErrorBody.parse({ code: this.code, error: this.message, ...this.extra });
  }
}

/** What a device may not do from where it sits in the tree. */
export const forbidden = (message: string) => new SyncError("forbidden", message);
