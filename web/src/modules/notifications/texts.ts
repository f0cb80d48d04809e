import { useTextsOf } from '../ideas/texts';

/** UI texts of the to-do and notification centre. */
const texts = {
  centre: { zh: '待办与通知', en: 'To-dos & notifications' },
  todos: { zh: '待办', en: 'To-dos' },
  notifications: { zh: '通知', en: 'Notifications' },
  mail: { zh: '邮件设置', en: 'E-mail' },
  open: { zh: '待办理', en: 'Open' },
  overdue: { zh: '已超期', en: 'Overdue' },
  done: { zh: '已办结', en: 'Done' },
  due: { zh: '期限', en: 'Due' },
  doneAt: { zh: '办结于', en: 'Done' },
  escalated: { zh: '已督办', en: 'Escalated' },
  unread: { zh: '未读', en: 'Unread' },
  onlyUnread: { zh: '只看未读', en: 'Unread only' },
  readAll: { zh: '全部标为已读', en: 'Mark all read' },
  markRead: { zh: '标为已读', en: 'Mark read' },
  empty: { zh: '没有待办，干得漂亮', en: 'Nothing to do' },
  mailMode: { zh: '邮件提醒方式', en: 'How to get e-mail' },
  mailTo: { zh: '发送到', en: 'Sent to' },
  noEmail: {
    zh: '人员档案中没有电子邮箱，请联系管理员补充',
    en: 'No e-mail address on record; ask an admin to add one',
  },
  immediateHint: { zh: '每条通知即时发送一封邮件', en: 'One mail per notification, right away' },
  digestHint: {
    zh: '每天早上汇总一封邮件，只含未读通知（默认）',
    en: 'One mail each morning with unread notifications (default)',
  },
  noneHint: { zh: '只在平台内提醒', en: 'Only in the app' },
  counts: { zh: '待办 {open} 项，其中超期 {overdue} 项', en: '{open} open, {overdue} overdue' },
};

export function useTexts() {
  return useTextsOf(texts);
}
