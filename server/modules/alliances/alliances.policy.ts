/**
 * The next lead in rotation: the member studio after the current lead in joining order, wrapping around.
 * Returns null when no other studio can take over.
 */
export function nextLead(memberStudioIds: number[], currentLeadId: number | null): number | null {
  const others = memberStudioIds.filter((id) => id !== currentLeadId);
  if (others.length === 0) return null;
  if (currentLeadId === null) return others[0]!;
  const i = memberStudioIds.indexOf(currentLeadId);
  if (i === -1) return others[0]!;
  for (let k = 1; k <= memberStudioIds.length; k++) {
    const cand = memberStudioIds[(i + k) % memberStudioIds.length]!;
    if (cand !== currentLeadId) return cand;
  }
  return null;
}

/** `date` plus `months` calendar months, as YYYY-MM-DD (the end of a lead term). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}
