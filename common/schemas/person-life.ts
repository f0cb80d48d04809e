import { z } from 'zod';
import { activityKinds, participantRoles } from './activities.js';
import { contestAwards, contestLevels } from './contests.js';
import { mentorshipStatuses, skillGradeChange } from './mentorships.js';

/** What a person's page shows of studio life: training hours, certificates, contest results, mentoring. */
export const personLife = z.object({
  personId: z.number().int(),
  trainingHours: z.number(),
  trainingHoursByYear: z.array(z.object({ year: z.number().int(), hours: z.number() })),
  activities: z.array(
    z.object({
      activityId: z.number().int(),
      title: z.string(),
      kind: z.enum(activityKinds),
      studioName: z.string(),
      heldOn: z.string(),
      role: z.enum(participantRoles),
      hours: z.number(),
      certificate: z.string().nullable(),
    }),
  ),
  certificates: z.array(
    z.object({
      name: z.string(),
      obtainedOn: z.string(),
      source: z.enum(['training', 'mentorship']),
      sourceId: z.number().int(),
    }),
  ),
  contests: z.array(
    z.object({
      contestId: z.number().int(),
      name: z.string(),
      level: z.enum(contestLevels),
      trade: z.string(),
      heldOn: z.string(),
      score: z.number().nullable(),
      rank: z.number().int().nullable(),
      award: z.enum(contestAwards).nullable(),
      awardTitle: z.string().nullable(),
      points: z.number().int(),
    }),
  ),
  contestPoints: z.number().int(),
  mentorships: z.array(
    z.object({
      id: z.number().int(),
      role: z.enum(['mentor', 'apprentice']),
      otherName: z.string(),
      studioName: z.string(),
      startsOn: z.string(),
      endsOn: z.string(),
      status: z.enum(mentorshipStatuses),
      outcomeGrade: z.string().nullable(),
    }),
  ),
  skillHistory: z.array(skillGradeChange),
});
export type PersonLife = z.infer<typeof personLife>;
