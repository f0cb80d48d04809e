/** Drill-down URLs: the list page behind a figure, with the same filters as its query parameters. */
export type LinkQuery = Record<string, string | number | undefined | null>;

export function pageLink(path: string, query: LinkQuery): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const qs = p.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The list pages of the modules, by what they list (their list API's query names are used as filters). */
export const listPages = {
  studios: '/studios',
  atRisk: '/studios/at-risk',
  orgs: '/orgs',
  people: '/people',
  results: '/results',
  projects: '/projects',
  benefits: '/benefits',
  activities: '/activities',
  mentorships: '/mentorships',
  ideas: '/ideas/all',
  funds: '/funds/allocations',
  dashboard: '/dashboard',
} as const;
