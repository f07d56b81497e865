import { type LocalDateTime, vietnamNow } from "../core/dates";

/** Now, in Vietnam time (deadlines and reports are judged by the commune's clock). */
export function now(): LocalDateTime {
  return vietnamNow(Date.now());
}
