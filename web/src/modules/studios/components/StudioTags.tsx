import { Tag } from 'antd';
import {
  type NamingLevel,
  namingLevelLabels,
  type StudioStatus,
  type StudioType,
  studioStatusLabels,
  studioTypeLabels,
} from '../../../../../common/enums';
import { type HealthStatus, healthStatusLabels } from '../../../../../common/schemas/studios';
import { useI18n } from '../../../shared/i18n';

const statusColor: Record<StudioStatus, string> = {
  cultivating: 'blue',
  named: 'green',
  rectifying: 'orange',
  revoked: 'red',
  merged: 'default',
};
const levelColor: Record<NamingLevel, string> = {
  enterprise: 'cyan',
  group: 'geekblue',
  city: 'purple',
  province: 'magenta',
  provinceDemo: 'volcano',
  national: 'gold',
};
const healthColor: Record<HealthStatus, string> = {
  new: 'blue',
  active: 'green',
  warning: 'orange',
  atRisk: 'red',
  inactive: 'default',
};

export function StatusTag({ status }: { status: StudioStatus }) {
  const { l } = useI18n();
  return <Tag color={statusColor[status]}>{l(studioStatusLabels[status])}</Tag>;
}

export function LevelTag({ level }: { level: NamingLevel | null }) {
  const { l } = useI18n();
  if (!level) return <span>—</span>;
  return <Tag color={levelColor[level]}>{l(namingLevelLabels[level])}</Tag>;
}

/** The studio type without the common "创新工作室" suffix, for narrow columns. */
export function TypeText({ type }: { type: StudioType }) {
  const { l } = useI18n();
  return <>{l(studioTypeLabels[type])}</>;
}

export function HealthTag({ status }: { status: HealthStatus }) {
  const { l } = useI18n();
  return <Tag color={healthColor[status]}>{l(healthStatusLabels[status])}</Tag>;
}
