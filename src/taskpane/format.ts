/** "8.900 m" → "8.900 m" with a no-break space: a figure never parts from its unit at the end of a line. */
export function keepUnits(text: string): string {
  return text.replace(/(\d) /g, "$1\u00a0");
}
