import { registerFileOwner } from '../files/files.owners.js';
import { getStudioAccess } from './studios.access.js';

/**
 * Studio attachments (photos, rule documents, equipment lists…): everyone who may see the studio may read
 * them, members may upload, the leader and admins manage (delete anyone's).
 */
registerFileOwner('studio', async (ctx, ownerId, need) => {
  const access = await getStudioAccess({
    ctx,
    id: ownerId,
    need: need === 'read' ? 'read' : need === 'upload' ? 'contribute' : 'manage',
  });
  return { orgPath: access.orgPath };
});
