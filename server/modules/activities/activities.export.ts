import {
  type ActivityListQuery,
  activityKindLabels,
  participantRoleLabels,
} from '../../../common/schemas/activities.js';
import { labelOf } from '../../../common/schemas/studio-life.js';
import type { Ctx } from '../../core/context.js';
import { buildWorkbook } from '../../core/excel.js';
import * as repo from './activities.repository.js';
import { chinaTime, EXPORT_LIMIT, studioVisibility } from './studio-life.access.js';

/** The activities list as an .xlsx (filters as the list, no paging) with a second sheet of attendance. */
export async function exportActivities({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: ActivityListQuery;
}): Promise<Buffer> {
  const { items } = await repo.findActivities({
    db: ctx.db,
    visible: studioVisibility(ctx, 'read'),
    query: { ...query, page: 1, pageSize: EXPORT_LIMIT },
  });
  const parts = await repo.listParticipants({ db: ctx.db, activityIds: items.map((r) => r.activity.id) });
  const byId = new Map(items.map((r) => [r.activity.id, r]));
  return buildWorkbook([
    {
      name: '活动台账',
      headers: [
        '日期',
        '工作室',
        '类型',
        '主题',
        '地点',
        '学时',
        '授课人',
        '受邀人数',
        '签到人数',
        '外部人员',
        '所属联盟',
        '内容摘要',
      ],
      rows: items.map((r) => [
        r.activity.heldOn,
        r.studioName,
        labelOf(activityKindLabels, r.activity.kind),
        r.activity.title,
        r.activity.place,
        Number(r.activity.hours),
        r.trainerPersonName ?? r.activity.trainerName,
        r.invitedCount,
        r.attendedCount,
        r.activity.outsideCount,
        r.allianceName,
        r.activity.summary,
      ]),
      widths: [12, 24, 10, 30, 16, 8, 12, 10, 10, 10, 20, 40],
    },
    {
      name: '参加人员',
      headers: ['日期', '活动主题', '姓名', '工号', '单位', '身份', '签到时间', '签到方式', '学时', '证书'],
      rows: parts.map((p) => {
        const a = byId.get(p.p.activityId)!;
        return [
          a.activity.heldOn,
          a.activity.title,
          p.name,
          p.employeeNo,
          p.orgName,
          labelOf(participantRoleLabels, p.p.role),
          p.p.attendedAt ? chinaTime(p.p.attendedAt) : '未签到',
          p.p.checkinMethod === 'qr' ? '扫码' : p.p.checkinMethod === 'manual' ? '登记' : '',
          p.p.hours === null ? Number(a.activity.hours) : Number(p.p.hours),
          p.p.certificate,
        ];
      }),
      widths: [12, 30, 10, 12, 16, 8, 18, 8, 8, 24],
    },
  ]);
}
