import { Card, Descriptions, Empty, Flex, Table, Tag } from 'antd';
import { honourLevelLabels, namingLevelLabels } from '../../../../../common/enums';
import {
  type Condition,
  conditionKindLabels,
  type GradeBand,
  type Indicator,
  type Rulebook,
} from '../../../../../common/schemas/rulebooks';
import { useI18n } from '../../../shared/i18n';
import { useRulebookTexts } from '../texts';

/** A condition's requirement in words: "不少于 3 人", "集团级及以上". */
export function useRequirement() {
  const { l } = useI18n();
  const rx = useRulebookTexts();
  return (c: Condition): string => {
    switch (c.kind) {
      case 'leaderHonour':
        return c.minLevel ? rx('honourMin', { level: l(honourLevelLabels[c.minLevel]) }) : rx('anyHonour');
      case 'minMembers':
        return rx('minMembers', { n: c.min });
      case 'minYearsRunning':
        return rx('years', { n: c.years });
      case 'minResultsPerYear':
        return rx('perYear', { n: c.perYear, y: c.years });
      case 'minSiteArea':
        return rx('sqm', { n: c.sqm });
      case 'priorNaming':
        return rx('prior', { level: l(namingLevelLabels[c.level]) });
      default:
        return rx('manual');
    }
  };
}

/** A rulebook version read-only: conditions, indicators with points and guidance, bonus items, grade bands. */
export function RulebookView({ rulebook }: { rulebook: Rulebook }) {
  const { l } = useI18n();
  const rx = useRulebookTexts();
  const requirement = useRequirement();
  const s = rulebook.sheet;
  const indicatorColumns = [
    { title: rx('indicator'), dataIndex: 'name', width: 150 },
    { title: rx('maxPoints'), dataIndex: 'maxPoints', width: 70 },
    { title: rx('guidance'), dataIndex: 'guidance' },
  ];
  const full = s.indicators.reduce((a, i) => a + i.maxPoints, 0) + s.bonusCap;
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={rx('conditions')}>
        {rulebook.conditions.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rx('noConditions')} />
        ) : (
          <Table<Condition>
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={rulebook.conditions}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: rx('label'), dataIndex: 'label' },
              {
                title: rx('kind'),
                dataIndex: 'kind',
                width: 130,
                render: (k: Condition['kind']) => <Tag>{l(conditionKindLabels[k])}</Tag>,
              },
              { title: rx('param'), key: 'p', width: 200, render: (_, c) => requirement(c) },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={`${rx('sheet')} · ${rx('totalPoints', { n: full })}`}>
        <Table<Indicator>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={s.indicators}
          columns={indicatorColumns}
        />
        {s.bonus.length > 0 && (
          <>
            <Descriptions
              size="small"
              style={{ marginTop: 12 }}
              items={[{ key: 'cap', label: rx('bonusCap'), children: s.bonusCap }]}
            />
            <Table<Indicator>
              size="small"
              rowKey="key"
              pagination={false}
              dataSource={s.bonus}
              columns={[
                { ...indicatorColumns[0]!, title: rx('bonus') },
                indicatorColumns[1]!,
                indicatorColumns[2]!,
              ]}
            />
          </>
        )}
      </Card>
      <Card size="small" title={rx('grades')}>
        <Table<GradeBand>
          size="small"
          rowKey="name"
          pagination={false}
          dataSource={[...s.grades].sort((a, b) => b.minScore - a.minScore)}
          columns={[
            { title: rx('grade'), dataIndex: 'name' },
            { title: rx('minScore'), dataIndex: 'minScore', render: (v: number) => `≥ ${v}` },
          ]}
        />
      </Card>
    </Flex>
  );
}
