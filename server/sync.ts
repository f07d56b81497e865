/** The sync server's operations, for the HTTP routes and the tests. */
export { SyncError } from "./errors";
export { type Caller, type Device, campaignPlan, enroll, identify } from "./devices";
export { push } from "./push";
export { pull } from "./pull";
export { resolveConflict } from "./conflicts";
