/**
 * The đối ứng ratio (e.g. 1:3, one person from the community for three armed-forces members present):
 * how many more people it asks for, 0 when met.
 */
export function peopleShort(
  people: number,
  forces: number,
  ratioPeople: number,
  ratioForces: number
): number {
  const needed = Math.ceil((forces * ratioPeople) / ratioForces - 1e-9);
  return Math.max(0, needed - people);
}
