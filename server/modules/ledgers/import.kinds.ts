import { studioTypeLabels, studioTypes } from '../../../common/enums.js';
import type { ImportKind } from '../../../common/schemas/ledgers.js';
import { resultKindLabels, resultKinds } from '../../../common/schemas/results.js';

/** How a field's cells are read. */
export type FieldType = 'text' | 'date' | 'int' | 'amount' | 'choice';
export interface ImportFieldSpec {
  key: string;
  label: string;
  /** Header texts that mean this field (compared loosely). */
  synonyms: string[];
  required?: boolean;
  type?: FieldType;
  choices?: Record<string, string[]>;
}

const choicesOf = <T extends string>(
  keys: readonly T[],
  labels: Record<T, { zh: string; en: string }>,
  extra: Partial<Record<T, string[]>> = {},
) =>
  Object.fromEntries(keys.map((k) => [k, [labels[k].zh, labels[k].en, ...(extra[k] ?? [])]])) as Record<
    T,
    string[]
  >;

export const importSpecs: Record<ImportKind, ImportFieldSpec[]> = {
  studios: [
    {
      key: 'name',
      label: '工作室名称',
      synonyms: ['工作室名称', '名称', '工作室', '创新工作室名称', '工作室全称'],
      required: true,
    },
    {
      key: 'type',
      label: '类型',
      synonyms: ['类型', '工作室类型', '类别', '工作室类别'],
      required: true,
      type: 'choice',
      choices: choicesOf(studioTypes, studioTypeLabels, {
        modelWorker: ['劳模', '劳模工作室', '劳模创新'],
        employee: ['职工', '职工工作室', '职工创新'],
        craftsman: ['工匠', '工匠工作室', '工匠人才创新工作室'],
        masterSkill: ['技能大师', '大师工作室', '技能大师工作室'],
      }),
    },
    {
      key: 'host',
      label: '依托单位',
      synonyms: ['依托单位', '所在单位', '所属单位', '单位', '依托单位编码', '单位名称'],
      required: true,
    },
    { key: 'leader', label: '领衔人', synonyms: ['领衔人', '带头人', '负责人', '领衔人姓名'] },
    { key: 'leaderNo', label: '领衔人工号', synonyms: ['领衔人工号', '带头人工号', '工号'] },
    { key: 'field', label: '专业领域', synonyms: ['专业领域', '领域', '专业', '研究方向'] },
    {
      key: 'foundedOn',
      label: '成立时间',
      synonyms: ['成立时间', '成立日期', '创建时间', '建立时间', '组建时间'],
      type: 'date',
    },
    { key: 'contactPhone', label: '联系电话', synonyms: ['联系电话', '电话', '手机'] },
  ],
  members: [
    {
      key: 'studio',
      label: '工作室',
      synonyms: ['工作室', '工作室名称', '所在工作室', '所属工作室'],
      required: true,
    },
    { key: 'name', label: '姓名', synonyms: ['姓名', '成员姓名', '成员', '名字'], required: true },
    { key: 'employeeNo', label: '工号', synonyms: ['工号', '员工编号', '职工编号', '员工号'] },
    {
      key: 'role',
      label: '角色',
      synonyms: ['角色', '成员类别', '身份', '类别'],
      type: 'choice',
      choices: {
        core: ['骨干', '核心成员', '骨干成员'],
        member: ['成员', '一般成员', '普通成员'],
        trainee: ['学员', '徒弟'],
      },
    },
    { key: 'division', label: '分工', synonyms: ['分工', '职责', '承担工作', '主要分工'] },
    {
      key: 'joinedOn',
      label: '加入时间',
      synonyms: ['加入时间', '加入日期', '入室时间', '加入年月'],
      type: 'date',
    },
  ],
  results: [
    {
      key: 'studio',
      label: '工作室',
      synonyms: ['工作室', '工作室名称', '所属工作室', '完成单位'],
      required: true,
    },
    { key: 'title', label: '成果名称', synonyms: ['成果名称', '项目名称', '名称', '成果'], required: true },
    {
      key: 'kind',
      label: '成果类别',
      synonyms: ['成果类别', '类别', '类型', '成果类型'],
      required: true,
      type: 'choice',
      choices: choicesOf(resultKinds, resultKindLabels, {
        fiveSmall: ['五小成果', '小发明', '小创造', '小革新', '小设计', '小建议'],
        qc: ['QC', 'QC小组成果'],
        technicalImprovement: ['技术革新成果', '革新'],
      }),
    },
    { key: 'year', label: '年度', synonyms: ['年度', '年份', '所属年度'], type: 'int' },
    {
      key: 'implementedOn',
      label: '实施时间',
      synonyms: ['实施时间', '实施日期', '完成时间', '完成日期', '应用时间'],
      type: 'date',
    },
    {
      key: 'contributors',
      label: '主要完成人',
      synonyms: ['主要完成人', '完成人', '参与人员', '主要参与人', '完成人员'],
      required: true,
    },
    {
      key: 'problem',
      label: '解决的问题',
      synonyms: ['解决的问题', '解决问题', '成果简介', '简介', '主要内容'],
    },
    {
      key: 'benefit',
      label: '经济效益',
      synonyms: ['经济效益', '效益', '创效', '创造效益', '经济效益金额'],
      type: 'amount',
    },
  ],
};
