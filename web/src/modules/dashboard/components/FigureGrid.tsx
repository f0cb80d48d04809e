import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import type { StatFigure } from '../../../../../common/schemas/stats';
import { useI18n } from '../../../shared/i18n';
import { formatStat } from '../format';

/** Headline numbers as tiles; a tile with a list behind it links there. */
export function FigureGrid({ figures }: { figures: StatFigure[] }) {
  const { lang } = useI18n();
  return (
    <Row gutter={[12, 12]}>
      {figures.map((f) => {
        const body = (
          <Card
            size="small"
            hoverable={!!f.link}
            styles={{ body: { padding: '10px 12px' } }}
            data-figure={f.key}
          >
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.label}
            </Typography.Text>
            <div style={{ fontSize: 20, fontWeight: 600, color: '#1a5fb4', marginTop: 2 }}>
              {formatStat(f.value, f.unit, lang)}
            </div>
          </Card>
        );
        return (
          <Col key={f.key} xs={12} sm={8} md={6} xl={4}>
            {f.link ? <Link to={f.link}>{body}</Link> : body}
          </Col>
        );
      })}
    </Row>
  );
}
