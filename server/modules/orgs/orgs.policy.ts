import { type OrgKind, orgKindRank } from '../../../common/enums.js';
import { type Actor, abilitiesFor } from '../../core/access.js';

/** Abilities on an org node for the web. */
export function orgAbilities(actor: Actor, org: { path: string; parentId: number | null }) {
  const a = abilitiesFor(actor, org.path, {
    update: 'orgs.write',
    createChild: 'orgs.write',
    import: 'orgs.import',
  });
  // Moving or archiving a node needs write access over its parent too: an admin cannot remove their own root.
  const parentPath = org.path.replace(/\d+\/$/, '');
  const overParent = org.parentId !== null && abilitiesFor(actor, parentPath, { w: 'orgs.write' }).w === true;
  return { ...a, move: overParent, archive: overParent };
}

/** Whether a node of `child` kind may sit directly under a node of `parent` kind. */
export function kindFitsUnder(child: OrgKind, parent: OrgKind): boolean {
  return orgKindRank[child] > orgKindRank[parent];
}

/** Whether moving the node at `path` under the node at `newParentPath` would create a cycle. */
export function wouldCycle(path: string, newParentPath: string): boolean {
  return newParentPath.startsWith(path);
}
