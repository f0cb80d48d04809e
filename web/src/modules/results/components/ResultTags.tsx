import { Tag } from 'antd';
import { type ResultGrade, resultGradeLabels } from '../../../../../common/schemas/results';
import { type ResultStatus, resultStatusLabels } from '../../../../../common/workflows/result';
import { useI18n } from '../../../shared/i18n';

const statusColor: Record<ResultStatus, string> = {
  draft: 'default',
  submitted: 'cyan',
  firstReview: 'blue',
  scoring: 'purple',
  recognised: 'green',
  returned: 'orange',
};

export function ResultStatusTag({ status }: { status: ResultStatus }) {
  const { l } = useI18n();
  return <Tag color={statusColor[status]}>{l(resultStatusLabels[status])}</Tag>;
}

export function GradeTag({ grade }: { grade: ResultGrade | null }) {
  const { l } = useI18n();
  if (!grade) return null;
  return (
    <Tag color={grade === 'special' || grade === 'first' ? 'gold' : 'geekblue'}>
      {l(resultGradeLabels[grade])}
    </Tag>
  );
}
