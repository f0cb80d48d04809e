import { Col, Row, Typography } from 'antd';
import type { AuditEntry } from '../../../../../common/schemas/audit';
import { usePhone } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** The before and after JSON of one audit record, side by side (stacked on phones). */
export function AuditChanges({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  // The expanded row is as wide as the scrolled table; on phones keep it within the screen.
  const phone = usePhone();
  return (
    <Row gutter={[12, 12]} style={phone ? { maxWidth: 'calc(100vw - 72px)' } : undefined}>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('audit.before')}</Typography.Text>
        <pre className="jx-json">{json(entry.before)}</pre>
      </Col>
      <Col xs={24} md={12}>
        <Typography.Text type="secondary">{t('audit.after')}</Typography.Text>
        <pre className="jx-json">{json(entry.after)}</pre>
      </Col>
    </Row>
  );
}
