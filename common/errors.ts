/**
 * Every error code the API can return, with its message in Chinese and English.
 * Codes are namespaced by domain: `<domain>.<reason>`.
 */
export const errorMessages = {
  'internal.error': { zh: '服务器内部错误，请稍后重试', en: 'Internal server error' },
  'request.invalid': { zh: '提交的数据有误，请检查标记的字段', en: 'The request is invalid; check the marked fields' },
  'request.not_found': { zh: '请求的地址不存在', en: 'Route not found' },
  'request.too_large': { zh: '提交的内容过大', en: 'Request too large' },
  'request.rate_limited': { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'auth.unauthenticated': { zh: '请先登录', en: 'Please log in' },
  'auth.forbidden': { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'auth.invalid_credentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': { zh: '密码错误次数过多，账号已临时锁定，请稍后再试', en: 'Too many failed attempts; the account is temporarily locked' },
  'auth.disabled': { zh: '账号已停用', en: 'The account is disabled' },
  'auth.csrf': { zh: '请求校验失败，请刷新页面后重试', en: 'CSRF check failed; reload the page and retry' },
  'auth.wrong_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.weak_password': { zh: '新密码至少 8 位，且需同时包含字母和数字', en: 'The new password needs at least 8 characters with letters and digits' },
  'conflict.stale': { zh: '该记录已被他人修改，请刷新后重试（您的修改未保存）', en: 'Someone else changed this record; reload and retry (nothing was saved)' },
  'orgs.not_found': { zh: '组织不存在或无权访问', en: 'Organisation not found' },
  'orgs.code_taken': { zh: '组织编码已被使用', en: 'The organisation code is already in use' },
  'orgs.cycle': { zh: '不能把组织移动到它自己或其下级之下', en: 'An organisation cannot be moved under itself or its descendants' },
  'orgs.invalid_parent': { zh: '上级组织不存在、已归档或层级不符', en: 'The parent organisation is missing, archived or of the wrong kind' },
  'orgs.root_protected': { zh: '不能移动或归档根组织', en: 'The root organisation cannot be moved or archived' },
  'orgs.has_children': { zh: '请先归档下级组织', en: 'Archive the child organisations first' },
  'people.not_found': { zh: '人员不存在或无权访问', en: 'Person not found' },
  'people.employee_no_taken': { zh: '工号已存在', en: 'The employee number is already in use' },
  'users.not_found': { zh: '账号不存在或无权访问', en: 'Account not found' },
  'users.username_taken': { zh: '用户名已被使用', en: 'The username is already in use' },
  'users.person_has_account': { zh: '该人员已有登录账号', en: 'This person already has an account' },
  'roles.invalid_scope': { zh: '角色授权的组织不在您的管理范围内', en: 'The role’s organisation is outside your scope' },
  'roles.not_found': { zh: '角色授权不存在', en: 'Role grant not found' },
  'imports.invalid_file': { zh: '无法读取该 Excel 文件', en: 'The Excel file cannot be read' },
  'imports.has_errors': { zh: '导入数据有错误，未导入任何记录', en: 'The import has errors; nothing was imported' },
  'imports.missing_columns': { zh: '缺少必需的列', en: 'Required columns are missing' },
  'files.too_large': { zh: '文件超过大小限制', en: 'The file exceeds the size limit' },
  'files.type_not_allowed': { zh: '不支持的文件类型（按文件内容识别）', en: 'File type not allowed (detected from content)' },
  'studios.not_found': { zh: '工作室不存在或无权访问', en: 'Studio not found' },
  'files.not_found': { zh: '文件不存在或无权访问', en: 'File not found' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;

/** Shape of every error response body. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
