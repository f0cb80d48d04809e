import { QuestionCircleOutlined } from '@ant-design/icons';
import { Form, InputNumber, Table, type TableColumnsType, Tooltip } from 'antd';
import type { Indicator } from '../../../../../common/schemas/rulebooks';
import { useTexts } from '../texts';

/** Form values of a points table: indicator key → points, for the sheet's items and bonus items. */
export interface PointsValues {
  items: Record<string, number | null>;
  bonus: Record<string, number | null>;
}

/** Drops the empty inputs before sending. */
export const cleanPoints = (r: Record<string, number | null | undefined> = {}) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)) as Record<
    string,
    number
  >;

/** The live total of a points form: items plus the bonus up to its cap. */
export function pointsTotal(v: Partial<PointsValues> | undefined, bonusCap: number): number {
  const sum = (o?: Record<string, number | null>) =>
    Object.values(o ?? {}).reduce<number>((s, x) => s + (x ?? 0), 0);
  return sum(v?.items) + Math.min(sum(v?.bonus), bonusCap);
}

/**
 * A score sheet's indicators (or bonus items) with a points input each, inside the caller's antd Form
 * (fields `items.<key>` / `bonus.<key>`); `extra` columns come between the max and the input.
 */
export function PointsTable({
  list,
  field,
  editable,
  required = false,
  extra = [],
  after = [],
}: {
  list: Indicator[];
  field: 'items' | 'bonus';
  editable: boolean;
  required?: boolean;
  extra?: TableColumnsType<Indicator>;
  after?: TableColumnsType<Indicator>;
}) {
  const tx = useTexts();
  return (
    <Table<Indicator>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={list}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: field === 'items' ? tx('indicator') : tx('bonus'),
          dataIndex: 'name',
          width: 130,
          render: (name: string, ind) => (
            <Tooltip title={ind.guidance || undefined}>
              <span>
                {name} {ind.guidance && <QuestionCircleOutlined style={{ color: '#999' }} />}
              </span>
            </Tooltip>
          ),
        },
        { title: tx('maxPoints'), dataIndex: 'maxPoints', width: 56 },
        ...extra,
        {
          title: tx('points'),
          key: 'p',
          width: 110,
          render: (_, ind) => (
            <Form.Item
              name={[field, ind.key]}
              style={{ margin: 0 }}
              rules={required && field === 'items' ? [{ required: true, message: tx('points') }] : []}
            >
              <InputNumber
                min={0}
                max={ind.maxPoints}
                step={0.5}
                disabled={!editable}
                style={{ width: 90 }}
                aria-label={`${ind.name} ${tx('points')}`}
              />
            </Form.Item>
          ),
        },
        ...after,
      ]}
    />
  );
}
