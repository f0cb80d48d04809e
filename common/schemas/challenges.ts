import { z } from 'zod';
import { challengeActions, challengeStatuses } from '../workflows/challenge.js';
import { abilities, id, isoDate, pageQuery, version } from './shared.js';

/** Money in integer fen (分). */
const fen = z.number().int().min(0).max(1e13);

export const bidStatuses = ['submitted', 'selected', 'declined', 'withdrawn'] as const;
export type BidStatus = (typeof bidStatuses)[number];
export const bidStatusLabels: Record<BidStatus, { zh: string; en: string }> = {
  submitted: { zh: '已揭榜', en: 'Submitted' },
  selected: { zh: '已选定', en: 'Selected' },
  declined: { zh: '未选中', en: 'Declined' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

const challengeFields = {
  title: z.string().trim().min(2).max(100),
  field: z.string().trim().min(1).max(50),
  description: z.string().trim().min(10).max(5000),
  bountyFen: fen,
  /** Last day studios may bid (揭榜截止). */
  deadline: isoDate,
};
export const challengeCreate = z.object({ ownerOrgId: id, ...challengeFields });
export type ChallengeCreate = z.infer<typeof challengeCreate>;
export const challengeUpdate = z.object(challengeFields).partial().extend({ version });
export type ChallengeUpdate = z.infer<typeof challengeUpdate>;

export const bid = z.object({
  id: z.number().int(),
  challengeId: z.number().int(),
  studioId: z.number().int(),
  studioName: z.string(),
  enterpriseName: z.string().nullable(),
  proposal: z.string(),
  plan: z.string().nullable(),
  expectedDays: z.number().int().nullable(),
  status: z.enum(bidStatuses),
  createdAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Bid = z.infer<typeof bid>;
export const bidCreate = z.object({
  studioId: id,
  proposal: z.string().trim().min(10).max(5000),
  plan: z.string().trim().max(5000).optional(),
  expectedDays: z.number().int().min(1).max(3650).optional(),
});
export type BidCreate = z.infer<typeof bidCreate>;

export const challenge = z.object({
  id: z.number().int(),
  code: z.string(),
  ownerOrgId: z.number().int(),
  ownerOrgName: z.string(),
  title: z.string(),
  field: z.string(),
  description: z.string(),
  bountyFen: z.number().int(),
  deadline: z.string(),
  status: z.enum(challengeStatuses),
  bidCount: z.number().int(),
  selectedStudioId: z.number().int().nullable(),
  selectedStudioName: z.string().nullable(),
  projectId: z.number().int().nullable(),
  projectRequestId: z.number().int().nullable(),
  bountyReleasedAt: z.string().nullable(),
  bountyReleasedFen: z.number().int().nullable(),
  acceptanceNote: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  abilities,
});
export type Challenge = z.infer<typeof challenge>;

export const challengeStep = z.object({
  action: z.string(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
export const challengeDetail = challenge.extend({
  /** All bids for the owner; a bidding studio's own bid for its people; none for others. */
  bids: z.array(bid),
  steps: z.array(challengeStep),
  actions: z.array(z.enum(challengeActions)),
});
export type ChallengeDetail = z.infer<typeof challengeDetail>;

export const challengeListQuery = pageQuery.extend({
  status: z.enum(challengeStatuses).optional(),
  q: z.string().trim().max(100).optional(),
  field: z.string().trim().max(50).optional(),
  /** Only challenges my enterprise posted (owner view). */
  mine: z.enum(['true', 'false']).optional(),
});
export type ChallengeListQuery = z.infer<typeof challengeListQuery>;

export const challengeActionBody = z.object({
  version,
  /** For select: the chosen bid. */
  bidId: id.optional(),
  /** Opinion recorded with the step; required to accept or reject acceptance. */
  note: z.string().trim().max(3000).optional(),
  /** For start: the project's planned end (defaults to 6 months). */
  plannedEnd: isoDate.optional(),
});
export type ChallengeActionBody = z.infer<typeof challengeActionBody>;
export const challengeActionParams = z.object({ id, action: z.enum(challengeActions) });
export const bidParams = z.object({ id, bidId: id });
