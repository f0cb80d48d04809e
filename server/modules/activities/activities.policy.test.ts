import { describe, expect, it } from 'vitest';
import { activityFieldErrors, checkinState, checkinWindow, defaultRole } from './activities.policy.js';

describe('check-in window', () => {
  it('opens at 00:00 China time on the day and closes 6 hours after midnight', () => {
    const w = checkinWindow('2025-06-10');
    expect(w.opensAt.toISOString()).toBe('2025-06-09T16:00:00.000Z');
    expect(w.expiresAt.toISOString()).toBe('2025-06-10T22:00:00.000Z');
    expect(checkinState(new Date('2025-06-09T15:59:59Z'), '2025-06-10')).toBe('notOpen');
    expect(checkinState(new Date('2025-06-09T16:00:00Z'), '2025-06-10')).toBe('open');
    expect(checkinState(new Date('2025-06-10T21:59:59Z'), '2025-06-10')).toBe('open');
    expect(checkinState(new Date('2025-06-10T22:00:00Z'), '2025-06-10')).toBe('expired');
  });
});

describe('activity rules', () => {
  const base = { hours: 2, trainerPersonId: null, trainerName: null, participants: [] };
  it('a training needs a trainer and hours; trainees and certificates belong to trainings', () => {
    expect(activityFieldErrors({ ...base, kind: 'training', hours: 0 })).toEqual({
      trainerName: expect.any(String),
      hours: '培训学时须大于 0',
    });
    expect(activityFieldErrors({ ...base, kind: 'training', trainerName: '王工' })).toEqual({});
    expect(
      activityFieldErrors({
        ...base,
        kind: 'seminar',
        participants: [{ personId: 1, role: 'trainee', certificate: 'c' }],
      }),
    ).toEqual({
      'participants.0.role': '只有培训活动才有学员',
      'participants.0.certificate': '只有培训活动才能登记证书',
    });
    expect(defaultRole('training')).toBe('trainee');
    expect(defaultRole('exchange')).toBe('participant');
  });
  it('refuses duplicates and the trainer as a trainee', () => {
    const f = activityFieldErrors({
      ...base,
      kind: 'training',
      trainerPersonId: 7,
      participants: [{ personId: 3 }, { personId: 3 }, { personId: 7 }],
    });
    expect(f).toEqual({
      'participants.1.personId': '人员重复',
      'participants.2.personId': '授课人不能同时是学员',
    });
  });
});
