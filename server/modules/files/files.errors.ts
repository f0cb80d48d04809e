import { AppError } from '../../core/errors.js';

export const fileErrors = {
  notFound: () => new AppError('files.not_found', 404),
  typeNotAllowed: () =>
    new AppError('files.type_not_allowed', 400, { fields: { file: '不支持的文件类型（按文件内容识别）' } }),
  tooLarge: () => new AppError('files.too_large', 413),
  ownerTypeUnknown: () =>
    new AppError('files.owner_type_unknown', 400, { fields: { ownerType: '未知的附件归属类型' } }),
};
