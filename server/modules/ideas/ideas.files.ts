import { forbidden } from '../../core/errors.js';
import { registerFileOwner } from '../files/files.owners.js';
import { loadIdea } from './ideas.service.js';

/**
 * Idea photos and documents: whoever may see the idea may read them; its submitter and handler may
 * upload; the handler and admins manage (delete anyone's).
 */
registerFileOwner('idea', async (ctx, ownerId, need) => {
  const { row, roles } = await loadIdea(ctx, ownerId);
  const submitter = row.idea.submitterUserId === ctx.actor.userId;
  if (need === 'upload' && !submitter && roles.length === 0) throw forbidden();
  if (need === 'manage' && !roles.includes('handler')) throw forbidden();
  return { orgPath: row.orgPath };
});
