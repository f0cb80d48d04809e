import type { ActivityKind, ParticipantInput, ParticipantRole } from '../../../common/schemas/activities.js';

/** Activities are recorded in China time: a day runs from 00:00 to 24:00 +08:00. */
export const CHECKIN_TZ_OFFSET = '+08:00';
/** How long after the end of the activity day a late check-in is still accepted. */
export const CHECKIN_GRACE_HOURS = 6;

/**
 * The check-in window of an activity held on `heldOn`: it opens at the start of that day (China time) and
 * closes at the end of the day plus the grace period.
 */
export function checkinWindow(heldOn: string): { opensAt: Date; expiresAt: Date } {
  const opensAt = new Date(`${heldOn}T00:00:00${CHECKIN_TZ_OFFSET}`);
  const expiresAt = new Date(opensAt.getTime() + (24 + CHECKIN_GRACE_HOURS) * 3600_000);
  return { opensAt, expiresAt };
}

/** Where `now` lies relative to the check-in window. */
export function checkinState(now: Date, heldOn: string): 'open' | 'notOpen' | 'expired' {
  const w = checkinWindow(heldOn);
  if (now < w.opensAt) return 'notOpen';
  if (now >= w.expiresAt) return 'expired';
  return 'open';
}

/** The role a participant gets when none is given: trainees in a training, participants elsewhere. */
export function defaultRole(kind: ActivityKind): ParticipantRole {
  return kind === 'training' ? 'trainee' : 'participant';
}

/**
 * Rules of an activity's content, as field errors: a training needs a trainer and hours; trainees and
 * certificates only exist in trainings; nobody is listed twice; the trainer is not their own trainee.
 */
export function activityFieldErrors(a: {
  kind: ActivityKind;
  hours: number;
  trainerPersonId: number | null | undefined;
  trainerName: string | null | undefined;
  participants: ParticipantInput[];
}): Record<string, string> {
  const f: Record<string, string> = {};
  if (a.kind === 'training') {
    if (!a.trainerPersonId && !a.trainerName) f.trainerName = '培训须填写授课人（本系统人员或外聘讲师姓名）';
    if (!(a.hours > 0)) f.hours = '培训学时须大于 0';
  }
  const seen = new Set<number>();
  a.participants.forEach((p, i) => {
    if (seen.has(p.personId)) f[`participants.${i}.personId`] = '人员重复';
    seen.add(p.personId);
    if (a.kind !== 'training' && p.role === 'trainee') f[`participants.${i}.role`] = '只有培训活动才有学员';
    if (a.kind !== 'training' && p.certificate)
      f[`participants.${i}.certificate`] = '只有培训活动才能登记证书';
    if (a.trainerPersonId && p.personId === a.trainerPersonId)
      f[`participants.${i}.personId`] = '授课人不能同时是学员';
  });
  return f;
}
