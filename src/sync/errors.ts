/** What a sync can fail with. Every message is Vietnamese and meant for the user as it is. */
import type { ErrorCode } from "./protocol";

export class SyncFailure extends Error {}

/** The device is not enrolled or was revoked: enrol again; the outbox is kept. */
export class AuthError extends SyncFailure {}

/** This client and the server (or a saved file) speak different versions: DanVan must be updated. */
export class VersionError extends SyncFailure {}

/** The server refused the request or failed; `code` says which of the protocol's errors it was. */
export class ServerError extends SyncFailure {
  constructor(
    message: string,
    readonly code?: ErrorCode
  ) {
    super(message);
  }
}

/** Nothing came back: no network, or no server at that address. The outbox waits for the next run. */
export class UnreachableError extends SyncFailure {}
