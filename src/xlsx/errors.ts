/** An input problem to tell the user in one line (exit code 2). */
export class InputError extends Error {}
