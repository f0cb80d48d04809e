import { AppError } from '../../core/errors.js';

export const orgErrors = {
  notFound: () => new AppError('orgs.not_found', 404),
  codeTaken: () => new AppError('orgs.code_taken', 409, { fields: { code: '组织编码已被使用' } }),
  cycle: () => new AppError('orgs.cycle', 400, { fields: { parentId: '不能移动到自身或下级组织之下' } }),
  invalidParent: () => new AppError('orgs.invalid_parent', 400, { fields: { parentId: '上级组织无效' } }),
  rootProtected: () => new AppError('orgs.root_protected', 400),
  hasChildren: () => new AppError('orgs.has_children', 400),
};
