import { useI18n } from '../../shared/i18n';

const texts = {
  funds: { zh: '经费管理', en: 'Funds' },
  expenses: { zh: '经费支出', en: 'Expenses' },
  allocations: { zh: '经费拨款', en: 'Allocations' },
  summary: { zh: '预算执行', en: 'Budget vs actual' },
  newExpense: { zh: '登记支出', en: 'New expense' },
  editExpense: { zh: '编辑支出', en: 'Edit expense' },
  newAllocation: { zh: '登记拨款', en: 'New allocation' },
  editAllocation: { zh: '编辑拨款', en: 'Edit allocation' },
  year: { zh: '年度', en: 'Year' },
  source: { zh: '来源', en: 'Source' },
  amount: { zh: '金额（元）', en: 'Amount (¥)' },
  receivedOn: { zh: '到账日期', en: 'Received' },
  note: { zh: '备注', en: 'Note' },
  category: { zh: '类别', en: 'Category' },
  spentOn: { zh: '支出日期', en: 'Spent on' },
  payee: { zh: '收款方', en: 'Payee' },
  description: { zh: '用途说明', en: 'Purpose' },
  status: { zh: '状态', en: 'Status' },
  receipts: { zh: '票据', en: 'Receipts' },
  uploadReceipt: { zh: '上传票据', en: 'Upload receipt' },
  receiptHint: {
    zh: '提交审批前须至少上传一张票据（图片或 PDF）',
    en: 'Upload at least one receipt (image or PDF) before submitting',
  },
  history: { zh: '审批记录', en: 'Approval history' },
  balance: { zh: '经费余额', en: 'Balance' },
  allocated: { zh: '累计拨款', en: 'Allocated' },
  approved: { zh: '已批准支出', en: 'Approved' },
  pending: { zh: '待审批', en: 'Pending' },
  available: { zh: '可用余额', en: 'Available' },
  remaining: { zh: '结余', en: 'Remaining' },
  executionRate: { zh: '执行率', en: 'Execution' },
  total: { zh: '合计', en: 'Total' },
  noteLabel: { zh: '审批意见', en: 'Opinion' },
  rejectNoteRequired: { zh: '退回时请填写意见', en: 'A rejection needs a note' },
  decision: { zh: '审批意见', en: 'Decision' },
  budget: { zh: '拨款（预算）', en: 'Allocated (budget)' },
  actual: { zh: '实际支出', en: 'Actual' },
} satisfies Record<string, { zh: string; en: string }>;

/** Texts of the funds pages. */
export function useFundTexts() {
  const { lang } = useI18n();
  return (key: keyof typeof texts) => texts[key][lang];
}
