/** A stand-in for Excel's CustomFunctions runtime: what the functions bundle needs outside Excel. */
export class StandInError extends Error {
  constructor(
    readonly code: string,
    message?: string
  ) {
    super(message);
  }
}

export function installCustomFunctions(): Map<string, (...args: unknown[]) => unknown> {
  const registry = new Map<string, (...args: unknown[]) => unknown>();
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: StandInError,
    ErrorCode: {
      invalidValue: "#VALUE!",
      invalidNumber: "#NUM!",
      divisionByZero: "#DIV/0!",
      notAvailable: "#N/A",
    },
    associate: (id: string, fn: (...args: unknown[]) => unknown) => registry.set(id, fn),
  };
  return registry;
}
