import { describe, expect, it } from 'vitest';
import type { Actor } from '../../core/access.js';
import { assessmentAbilities, assessmentRoles, canSeeAssessment } from './assessments.policy.js';

const actor = (grants: [string, string][], personId: number | null = null): Actor => ({
  userId: 1,
  username: 'u',
  name: 'u',
  personId,
  grants: grants.map(([role, orgPath], i) => ({
    id: i,
    role: role as Actor['grants'][number]['role'],
    orgId: i,
    orgPath,
    orgName: '',
  })),
});
const studio = { orgPath: '/1/2/5/', leaderPersonId: 7, memberRole: null };

describe('assessment roles and abilities', () => {
  it('derives roles from grants over the studio and from leading it', () => {
    expect(assessmentRoles(actor([['group_admin', '/1/']]), studio)).toEqual(['groupAdmin']);
    expect(assessmentRoles(actor([['enterprise_admin', '/1/2/']]), studio)).toEqual(['enterpriseAdmin']);
    expect(assessmentRoles(actor([['enterprise_admin', '/1/3/']]), studio)).toEqual([]);
    expect(assessmentRoles(actor([['studio_leader', '/1/2/']], 7), studio)).toEqual(['leader']);
    expect(assessmentRoles(actor([['expert', '/1/']]), studio)).toEqual([]);
  });

  it('shows an assessment to its people, admins over it and its reviewers only', () => {
    expect(canSeeAssessment([], { memberRole: null, assigned: false })).toBe(false);
    expect(canSeeAssessment([], { memberRole: 'member', assigned: false })).toBe(true);
    expect(canSeeAssessment([], { memberRole: null, assigned: true })).toBe(true);
    expect(canSeeAssessment(['enterpriseAdmin'], { memberRole: null, assigned: false })).toBe(true);
  });

  it('offers the buttons the server would accept', () => {
    const lead = assessmentAbilities({
      state: 'selfAssessment',
      roles: ['leader'],
      pendingAssignment: false,
    });
    expect(lead).toMatchObject({ submit: true, editSelf: true, upload: true, pass: false, keep: false });
    const admin = assessmentAbilities({ state: 'review', roles: ['groupAdmin'], pendingAssignment: false });
    expect(admin).toMatchObject({ assignReviewers: true, finishReview: true, editSelf: false, score: false });
    const reviewer = assessmentAbilities({ state: 'review', roles: [], pendingAssignment: true });
    expect(reviewer).toMatchObject({ score: true, finishReview: false, refresh: false });
    const rect = assessmentAbilities({ state: 'rectifying', roles: ['leader'], pendingAssignment: false });
    expect(rect).toMatchObject({ reportTask: true, reportRectified: true, revoke: false });
  });
});
