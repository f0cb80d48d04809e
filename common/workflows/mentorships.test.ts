import { describe, expect, it } from 'vitest';
import { mentorshipStatuses } from '../schemas/mentorships.js';
import { mentorshipActions, mentorshipMove } from './mentorships.js';

describe('mentorship workflow', () => {
  it('lets a manager end an active agreement either way and nothing else, exhaustively', () => {
    for (const s of mentorshipStatuses) {
      for (const a of mentorshipActions) {
        const allowed = s === 'active';
        const to = a === 'complete' ? 'completed' : 'terminated';
        expect(mentorshipMove(s, a, ['manager']), `${s}.${a}`).toEqual(
          allowed ? { ok: true, to } : { ok: false, reason: 'invalid_transition' },
        );
        expect(mentorshipMove(s, a, [])).toEqual({
          ok: false,
          reason: allowed ? 'forbidden' : 'invalid_transition',
        });
      }
    }
  });
});
