/**
 * Every error code the API can return, with its message in Chinese and English.
 * Codes are namespaced by domain: `<domain>.<reason>`.
 */
export const errorMessages = {
  'internal.error': { zh: '服务器内部错误，请稍后重试', en: 'Internal server error' },
  'internal.unavailable': {
    zh: '数据库暂时无法连接，请稍后重试',
    en: 'The database is temporarily unavailable; try again shortly',
  },
  'request.invalid': {
    zh: '提交的数据有误，请检查标记的字段',
    en: 'The request is invalid; check the marked fields',
  },
  'request.not_found': { zh: '请求的地址不存在', en: 'Route not found' },
  'request.too_large': { zh: '提交的内容过大', en: 'Request too large' },
  'request.rate_limited': { zh: '操作过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  'auth.unauthenticated': { zh: '请先登录', en: 'Please log in' },
  'auth.forbidden': { zh: '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  'auth.invalid_credentials': { zh: '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    zh: '密码错误次数过多，账号已临时锁定，请稍后再试',
    en: 'Too many failed attempts; the account is temporarily locked',
  },
  'auth.disabled': { zh: '账号已停用', en: 'The account is disabled' },
  'auth.csrf': { zh: '请求校验失败，请刷新页面后重试', en: 'CSRF check failed; reload the page and retry' },
  'auth.wrong_password': { zh: '当前密码不正确', en: 'The current password is wrong' },
  'auth.weak_password': {
    zh: '新密码至少 8 位，且需同时包含字母和数字',
    en: 'The new password needs at least 8 characters with letters and digits',
  },
  'conflict.stale': {
    zh: '该记录已被他人修改，请刷新后重试（您的修改未保存）',
    en: 'Someone else changed this record; reload and retry (nothing was saved)',
  },
  'orgs.not_found': { zh: '组织不存在或无权访问', en: 'Organisation not found' },
  'orgs.code_taken': { zh: '组织编码已被使用', en: 'The organisation code is already in use' },
  'orgs.cycle': {
    zh: '不能把组织移动到它自己或其下级之下',
    en: 'An organisation cannot be moved under itself or its descendants',
  },
  'orgs.invalid_parent': {
    zh: '上级组织不存在、已归档或层级不符',
    en: 'The parent organisation is missing, archived or of the wrong kind',
  },
  'orgs.root_protected': {
    zh: '不能移动或归档根组织',
    en: 'The root organisation cannot be moved or archived',
  },
  'orgs.has_children': { zh: '请先归档下级组织', en: 'Archive the child organisations first' },
  'people.not_found': { zh: '人员不存在或无权访问', en: 'Person not found' },
  'people.employee_no_taken': { zh: '工号已存在', en: 'The employee number is already in use' },
  'users.not_found': { zh: '账号不存在或无权访问', en: 'Account not found' },
  'users.username_taken': { zh: '用户名已被使用', en: 'The username is already in use' },
  'users.person_has_account': { zh: '该人员已有登录账号', en: 'This person already has an account' },
  'roles.invalid_scope': {
    zh: '角色授权的组织不在您的管理范围内',
    en: 'The role’s organisation is outside your scope',
  },
  'roles.not_found': { zh: '角色授权不存在', en: 'Role grant not found' },
  'imports.invalid_file': { zh: '无法读取该 Excel 文件', en: 'The Excel file cannot be read' },
  'imports.unpacked_too_large': {
    zh: 'Excel 文件解压后过大（可能是压缩炸弹），已拒绝',
    en: 'The Excel file unpacks to too much data (a zip bomb?); refused',
  },
  'imports.has_errors': {
    zh: '导入数据有错误，未导入任何记录',
    en: 'The import has errors; nothing was imported',
  },
  'imports.missing_columns': { zh: '缺少必需的列', en: 'Required columns are missing' },
  'files.too_large': { zh: '文件超过大小限制', en: 'The file exceeds the size limit' },
  'files.storage_full': {
    zh: '附件存储空间已满，文件未保存，请联系管理员',
    en: 'The attachment store is full; the file was not saved',
  },
  'files.type_not_allowed': {
    zh: '不支持的文件类型（按文件内容识别）',
    en: 'File type not allowed (detected from content)',
  },
  'studios.not_found': { zh: '工作室不存在或无权访问', en: 'Studio not found' },
  'files.not_found': { zh: '文件不存在或无权访问', en: 'File not found' },
  'studio_life.studio_inactive': {
    zh: '工作室已归档、摘牌或合并，不能再登记台账',
    en: 'The studio is archived, revoked or merged; nothing more can be recorded',
  },
  'activities.not_found': { zh: '活动不存在或无权访问', en: 'Activity not found' },
  'activities.checkin_invalid': {
    zh: '签到二维码无效或活动已取消',
    en: 'The check-in code is invalid or the activity was cancelled',
  },
  'activities.checkin_not_open': {
    zh: '签到尚未开始（活动当天开放签到）',
    en: 'Check-in opens on the day of the activity',
  },
  'activities.checkin_expired': { zh: '签到已结束', en: 'Check-in has closed' },
  'activities.checkin_not_allowed': {
    zh: '只有本工作室成员或受邀人员可以签到',
    en: 'Only members of the studio and invited people can check in',
  },
  'activities.checkin_no_person': {
    zh: '您的账号未关联职工档案，无法签到',
    en: 'Your account is not linked to a person record',
  },
  'contests.not_found': { zh: '比武记录不存在或无权访问', en: 'Contest not found' },
  'mentorships.not_found': { zh: '师带徒协议不存在或无权访问', en: 'Mentorship not found' },
  'mentorships.invalid_transition': {
    zh: '协议当前状态不允许此操作',
    en: 'This action is not allowed in the agreement’s current status',
  },
  'mentorships.apprentice_busy': {
    zh: '该徒弟在本工作室已有进行中的师带徒协议',
    en: 'The apprentice already has an active agreement in this studio',
  },
  'funds.allocation_not_found': { zh: '经费拨款记录不存在或无权访问', en: 'Allocation not found' },
  'funds.expense_not_found': { zh: '经费支出记录不存在或无权访问', en: 'Expense not found' },
  'funds.insufficient_balance': {
    zh: '经费余额不足：可用余额小于申请金额，不能提交或批准',
    en: 'Insufficient balance: the available funds are less than the amount',
  },
  'funds.invalid_transition': {
    zh: '支出当前状态不允许此操作',
    en: 'This action is not allowed in the expense’s current status',
  },
  'funds.not_editable': {
    zh: '已提交或已批准的支出不能修改或删除',
    en: 'A submitted or approved expense cannot be changed or archived',
  },
  'funds.self_approval': {
    zh: '不能审批自己提交的支出',
    en: 'You cannot approve or reject an expense you submitted',
  },
  'funds.receipt_required': { zh: '请先上传票据再提交审批', en: 'Upload a receipt before submitting' },
  'alliances.not_found': { zh: '创新联盟不存在或无权访问', en: 'Alliance not found' },
  'alliances.member_exists': { zh: '该工作室已是联盟成员', en: 'The studio is already a member' },
  'alliances.lead_cannot_leave': {
    zh: '轮值牵头工作室不能退出联盟，请先轮换牵头单位',
    en: 'The lead studio cannot leave; rotate the lead first',
  },
  'alliances.no_next_lead': {
    zh: '没有可接任牵头的成员工作室',
    en: 'No member studio can take over the lead',
  },
  'studios.member_exists': {
    zh: '该人员已是本工作室的在册成员',
    en: 'This person is already an active member of the studio',
  },
  'studios.member_not_found': { zh: '成员记录不存在', en: 'Membership not found' },
  'studios.member_left': {
    zh: '该成员已离开工作室，历史记录不能修改',
    en: 'This member has left; the history record cannot be changed',
  },
  'studios.use_leader_change': {
    zh: '领衔人请通过“领衔人变更”办理',
    en: 'Use the leader change action for the leader',
  },
  'studios.leader_unchanged': { zh: '新领衔人与现任领衔人相同', en: 'The new leader is the current leader' },
  'studios.naming_not_found': { zh: '命名记录不存在', en: 'Naming record not found' },
  'studios.plaque_taken': { zh: '牌匾编号已被使用', en: 'The plaque number is already in use' },
  'studios.inactive': {
    zh: '工作室已归档、摘牌或合并，不能执行此操作',
    en: 'The studio is archived, revoked or merged',
  },
  'files.owner_type_unknown': { zh: '未知的附件归属类型', en: 'Unknown attachment owner type' },
  'notifications.not_found': { zh: '通知不存在', en: 'Notification not found' },
  'rulebooks.not_found': { zh: '评审规则不存在', en: 'Rulebook not found' },
  'rulebooks.missing': {
    zh: '该命名级别尚未配置评审规则，请联系集团工会管理员',
    en: 'No rulebook is configured for this level',
  },
  'assessments.not_found': { zh: '考核不存在或无权访问', en: 'Assessment not found' },
  'assessments.campaign_not_found': { zh: '考核活动不存在或无权访问', en: 'Assessment campaign not found' },
  'assessments.campaign_exists': {
    zh: '该单位本年度的考核已经开启',
    en: 'A campaign for this organisation and year is already open',
  },
  'assessments.no_studios': {
    zh: '该范围内没有已命名的工作室，无需考核',
    en: 'There are no named studios in this scope to assess',
  },
  'assessments.invalid_transition': {
    zh: '考核当前所处环节不允许此操作',
    en: 'This action is not allowed at the assessment’s current step',
  },
  'assessments.not_editable': { zh: '当前环节不能修改自评', en: 'The self assessment cannot be changed now' },
  'assessments.not_in_review': { zh: '考核不在专家评审环节', en: 'The assessment is not in review' },
  'assessments.scores_pending': { zh: '还有评审专家未提交评分', en: 'Some reviewers have not scored yet' },
  'assessments.no_scores': { zh: '至少需要一位专家提交评分', en: 'At least one reviewer score is needed' },
  'assessments.tasks_open': {
    zh: '还有整改任务未报告完成',
    en: 'Some rectification tasks are not reported done',
  },
  'assessments.task_not_found': { zh: '整改任务不存在', en: 'Rectification task not found' },
  'studio_changes.not_found': { zh: '摘牌或合并申请不存在或无权访问', en: 'Change request not found' },
  'studio_changes.invalid_transition': {
    zh: '该申请当前状态不允许此操作',
    en: 'This action is not allowed in the request’s current state',
  },
  'studio_changes.pending_exists': {
    zh: '该工作室已有待审批的摘牌或合并申请',
    en: 'The studio already has a pending revocation or merge',
  },
  'applications.not_found': { zh: '申报不存在或无权访问', en: 'Application not found' },
  'applications.invalid_transition': {
    zh: '申报当前所处环节不允许此操作',
    en: 'This action is not allowed in the application’s current step',
  },
  'applications.already_open': {
    zh: '该工作室已有此级别的申报在办理中',
    en: 'The studio already has an open application for this level',
  },
  'applications.not_editable': {
    zh: '申报已提交，不能再修改（退回后可修改）',
    en: 'The application has been submitted and cannot be edited',
  },
  'applications.not_leader': { zh: '只有工作室领衔人可以发起申报', en: 'Only the studio’s leader can apply' },
  'applications.conditions_not_met': {
    zh: '申报条件未达到，不能提交',
    en: 'The entry conditions are not met',
  },
  'applications.expert_conflict': {
    zh: '该专家与申报工作室同属一个企业，须回避',
    en: 'The expert belongs to the studio’s own enterprise and must stand aside',
  },
  'applications.expert_invalid': {
    zh: '所选人员不是可用的评审专家',
    en: 'The selected user is not an available expert',
  },
  'applications.not_in_expert_review': {
    zh: '申报不在专家评审环节',
    en: 'The application is not in expert review',
  },
  'applications.scores_pending': {
    zh: '还有专家未提交评分',
    en: 'Some experts have not submitted their scores',
  },
  'applications.no_scores': { zh: '至少需要一位专家提交评分', en: 'At least one expert score is needed' },
  'reviews.score_submitted': {
    zh: '评分已提交，不能再修改',
    en: 'The score has been submitted and cannot change',
  },
  'applications.publicity_closed': {
    zh: '不在公示期内，不能提出异议',
    en: 'Objections can only be filed during the publicity window',
  },
  'applications.publicity_not_over': {
    zh: '公示期尚未结束，不能命名',
    en: 'The publicity window has not ended yet',
  },
  'applications.objection_unresolved': {
    zh: '还有未处理的异议，不能命名',
    en: 'There are unresolved objections',
  },
  'applications.objection_not_found': { zh: '异议不存在', en: 'Objection not found' },
  'applications.objection_resolved': { zh: '该异议已处理', en: 'The objection has already been resolved' },
  'namings.not_found': { zh: '命名记录不存在或无权访问', en: 'Naming not found' },
  'namings.font_missing': {
    zh: '服务器未安装中文字体，无法生成证书（请安装 fonts-wqy-microhei 或 fonts-noto-cjk）',
    en: 'No CJK font is installed; install fonts-wqy-microhei or fonts-noto-cjk',
  },
  'projects.not_found': { zh: '攻关课题不存在或无权访问', en: 'Project not found' },
  'projects.invalid_transition': {
    zh: '课题当前状态不允许此操作',
    en: 'This action is not allowed in the project’s current status',
  },
  'projects.not_editable': {
    zh: '课题已立项，不能再修改申请内容',
    en: 'The project has been approved and its proposal can no longer change',
  },
  'projects.milestone_not_found': { zh: '里程碑不存在', en: 'Milestone not found' },
  'projects.not_reportable': {
    zh: '只有已立项或进行中的课题可以报告进展',
    en: 'Progress can only be reported on approved or running projects',
  },
  'results.not_found': { zh: '成果不存在或无权访问', en: 'Result not found' },
  'results.invalid_transition': {
    zh: '成果当前状态不允许此操作',
    en: 'This action is not allowed in the result’s current status',
  },
  'results.not_editable': {
    zh: '成果已提交，不能修改（退回后可修改）',
    en: 'The result has been submitted and cannot be edited',
  },
  'results.patent_no_taken': {
    zh: '该专利申请号已被其他成果登记',
    en: 'This patent application number is already registered',
  },
  'results.reviewer_invalid': {
    zh: '所选人员不是可用的评审专家',
    en: 'The selected user is not an available expert',
  },
  'results.reviewer_conflict': {
    zh: '该专家与成果所属工作室同属一个企业，须回避',
    en: 'The expert belongs to the studio’s own enterprise and must stand aside',
  },
  'results.not_reviewer': {
    zh: '您不是该成果的评审专家',
    en: 'You are not an assigned reviewer of this result',
  },
  'results.no_scores': {
    zh: '至少需要一位专家提交评分后才能认定',
    en: 'At least one expert score is needed before recognition',
  },
  'benefits.not_found': { zh: '效益测算不存在或无权访问', en: 'Benefit calculation not found' },
  'benefits.duplicate': {
    zh: '同一成果在同一单位、重叠期间已有效益测算，不能重复计算',
    en: 'This result already has a benefit for the same unit and an overlapping period',
  },
  'benefits.invalid_transition': {
    zh: '效益测算当前状态不允许此操作',
    en: 'This action is not allowed in the calculation’s current status',
  },
  'benefits.not_editable': {
    zh: '效益测算已提交，不能修改',
    en: 'The calculation has been submitted and cannot be edited',
  },
  'benefits.self_verify': {
    zh: '效益测算须由录入人以外的人员进行财务核实',
    en: 'A calculation must be verified by someone other than its author',
  },
  'adoptions.not_found': { zh: '推广应用记录不存在或无权访问', en: 'Adoption not found' },
  'adoptions.not_available': {
    zh: '只有已认定且非涉密的成果可以推广应用',
    en: 'Only recognised, non-confidential results can be adopted',
  },
  'adoptions.same_enterprise': {
    zh: '推广应用单位须为成果所属企业以外的企业',
    en: 'The adopting unit must belong to another enterprise',
  },
  'adoptions.duplicate': {
    zh: '该单位已登记过此成果的推广应用',
    en: 'This unit has already recorded an adoption of this result',
  },
  'ideas.not_found': { zh: '建议不存在或无权访问', en: 'Idea not found' },
  'ideas.track_not_found': { zh: '查询码无效，请核对后重试', en: 'No idea has this tracking code' },
  'ideas.photo_token_invalid': {
    zh: '照片已失效或已用于其他建议，请重新上传',
    en: 'The photo has expired or was already used for another idea; upload it again',
  },
  'ideas.photo_type_not_allowed': {
    zh: '只能上传 JPEG、PNG 或 WebP 格式的照片',
    en: 'Only JPEG, PNG or WebP photos can be uploaded',
  },
  'ideas.invalid_transition': {
    zh: '建议当前状态不允许此操作',
    en: 'This action is not allowed in the idea’s current status',
  },
  'ideas.answer_required': {
    zh: '请填写书面答复，提交人将看到这段答复',
    en: 'A written answer is required; the submitter will see it',
  },
  'ideas.merge_target_invalid': {
    zh: '只能合并到更早提交、未被合并的同企业建议',
    en: 'An idea can only be merged into an earlier, unmerged idea of the same enterprise',
  },
  'ideas.handler_invalid': {
    zh: '所选处理人无效或不在您的管理范围内',
    en: 'The handler is invalid or outside your scope',
  },
  'ideas.not_adopted': {
    zh: '只有已采纳或已实施的建议可以登记效益或转为课题',
    en: 'Only adopted or implemented ideas can record a benefit or become a project',
  },
  'ideas.already_project': {
    zh: '该建议已转为课题或已发出立项请求',
    en: 'This idea already became a project or a project request',
  },
  'ideas.route_not_found': { zh: '分派规则不存在或无权访问', en: 'Routing rule not found' },
  'ideas.route_taken': {
    zh: '该组织和类别已有分派规则',
    en: 'This organisation and category already have a routing rule',
  },
  'challenges.not_found': { zh: '榜单不存在或无权访问', en: 'Challenge not found' },
  'challenges.invalid_transition': {
    zh: '榜单当前状态不允许此操作',
    en: 'This action is not allowed in the challenge’s current status',
  },
  'challenges.not_open': { zh: '榜单已截止或不在揭榜阶段', en: 'The challenge is not open for bids' },
  'challenges.not_editable': {
    zh: '已进入选定阶段的榜单不能修改',
    en: 'A challenge can only be edited while open for bids',
  },
  'challenges.bid_exists': { zh: '该工作室已揭榜，请勿重复提交', en: 'This studio has already bid' },
  'challenges.bid_not_found': { zh: '揭榜方案不存在或无权访问', en: 'Bid not found' },
  'challenges.studio_not_eligible': {
    zh: '该工作室不能揭榜（不在同一集团或已停用）',
    en: 'This studio cannot bid (another group, or inactive)',
  },
  'challenges.note_required': { zh: '请填写验收意见', en: 'An acceptance opinion is required' },
  'projectRequests.not_found': { zh: '立项请求不存在或无权访问', en: 'Project request not found' },
  'projectRequests.not_pending': {
    zh: '该立项请求已处理',
    en: 'This project request has been handled already',
  },
  'projectRequests.unavailable': {
    zh: '课题模块暂不可用，立项请求已保存待处理',
    en: 'Projects are not available yet; the request stays pending',
  },
  'points.rule_not_found': { zh: '积分规则不存在', en: 'Points rule not found' },
  'points.entry_not_found': { zh: '积分记录不存在或无权访问', en: 'Points entry not found' },
  'points.not_correctable': {
    zh: '只能对原始积分记录进行调整',
    en: 'Only original entries can be corrected',
  },
  'awards.not_found': { zh: '评优记录不存在或无权访问', en: 'Award not found' },
  'awards.winner_invalid': {
    zh: '获奖人或工作室不存在或不在您的管理范围内',
    en: 'The winner is missing or outside your scope',
  },
  'clinic.not_found': { zh: '门诊问题不存在或无权访问', en: 'Clinic question not found' },
  'clinic.closed': { zh: '该问题已解决或已关闭', en: 'The question is resolved or closed' },
  'clinic.not_member': {
    zh: '只有创新工作室成员可以解答门诊问题',
    en: 'Only studio members can answer clinic questions',
  },
  'clinic.answer_not_found': { zh: '解答不存在', en: 'Answer not found' },
  'clinic.own_answer': { zh: '不能采纳自己的解答', en: 'You cannot accept your own answer' },
  'todos.not_found': { zh: '待办事项不存在', en: 'To-do not found' },
  'stats.invalid_period': {
    zh: '统计期间无效（起始年不能晚于截止年，最多 10 年）',
    en: 'Invalid period (from must not be after to; at most 10 years)',
  },
  'jobs.not_found': { zh: '任务不存在或无权访问', en: 'Job not found' },
  'jobs.not_done': { zh: '任务尚未完成，暂无结果文件', en: 'The job has not finished; there is no file yet' },
  'ledgers.too_large': { zh: '导出行数过多，请缩小范围', en: 'Too many rows to export; narrow the scope' },
  'imports.mapping_required': { zh: '请先确认列对应关系', en: 'Confirm the column mapping first' },
  'imports.not_found': {
    zh: '导入批次不存在或已过期，请重新上传',
    en: 'Import not found or expired; upload again',
  },
  'reports.font_missing': {
    zh: '服务器缺少中文字体，无法生成 PDF（请安装 fonts-wqy-microhei）',
    en: 'No CJK font on the server; install fonts-wqy-microhei',
  },
  'imports.already_applied': { zh: '该导入已执行', en: 'This import has already been applied' },
  'showcase.not_found': { zh: '该内容未公开或不存在', en: 'Not published or not found' },
  'showcase.confidential': {
    zh: '涉密成果不能公开展示',
    en: 'A confidential result cannot be shown publicly',
  },
  'showcase.not_named': {
    zh: '工作室尚未命名，不能制作牌匾',
    en: 'The studio is not named; there is no plaque to print',
  },
  'showcase.not_published': {
    zh: '请先在展示设置中公开该工作室，牌匾二维码才能打开其展示页',
    en: 'Publish the studio on the showcase first, so that the plaque’s QR code opens its page',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type ErrorCode = keyof typeof errorMessages;

/** Shape of every error response body. */
export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
