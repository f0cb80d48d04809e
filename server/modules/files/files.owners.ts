import type { Ctx } from '../../core/context.js';

/** What a caller wants to do with an owner's files: see them, add one, or manage (delete anyone's). */
export type FileNeed = 'read' | 'upload' | 'manage';

/**
 * Checks the actor against one owner (a studio, an application, a result…) and returns the owner's org
 * path for scoping and audit. It throws like the owner's own module does: 404 when the actor may not see
 * the owner, 403 when they see it but lack `need`.
 */
export type FileOwnerResolver = (ctx: Ctx, ownerId: number, need: FileNeed) => Promise<{ orgPath: string }>;

const resolvers = new Map<string, FileOwnerResolver>();

/**
 * Makes attachments available for an owner type. Each module calls this once at load time (next to its
 * routes), e.g. `registerFileOwner('studio', …)`. Registering a type again replaces its resolver.
 */
export function registerFileOwner(ownerType: string, resolver: FileOwnerResolver): void {
  resolvers.set(ownerType, resolver);
}

/** The resolver of an owner type, or undefined when no module registered it. */
export function fileOwnerResolver(ownerType: string): FileOwnerResolver | undefined {
  return resolvers.get(ownerType);
}

/** Registered owner types (for documentation and tests). */
export function fileOwnerTypes(): string[] {
  return [...resolvers.keys()].sort();
}
