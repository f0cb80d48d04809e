import { FileExcelOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { upwardFormLabels, upwardForms } from '../../../../../common/schemas/reports';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useMe } from '../../../shared/hooks/useMe';
import { useI18n } from '../../../shared/i18n';
import { JobList } from '../../ledgers/components/JobList';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';

/** 报告与上报: the annual report (Word / PDF) and the upward forms, generated as jobs from the records. */
export default function ReportsPage() {
  const { l, lang } = useI18n();
  const zh = lang === 'zh';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [orgId, setOrgId] = useState<number | undefined>();
  const org =
    orgId ?? me?.grants.find((g) => g.role === 'group_admin' || g.role === 'enterprise_admin')?.orgId;
  const [year, setYear] = useState(dayjs().year() - (dayjs().month() < 3 ? 1 : 0));
  const start = async (url: string, body: Record<string, unknown>) => {
    try {
      await api(url, { method: 'POST', body: { orgId: org, year, ...body } });
      message.success(zh ? '已开始生成，完成后可在右侧下载' : 'Started; download it on the right when done');
      qc.invalidateQueries({ queryKey: ['jobs'] });
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <PageHeader
        title={zh ? '报告与上报' : 'Reports and upward forms'}
        sub={zh ? '由业务记录自动生成，无需重复录入' : 'Generated from the records, never retyped'}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Space wrap>
            <OrgTreeSelect
              value={org}
              onChange={setOrgId}
              allowClear={false}
              aria-label={zh ? '组织' : 'Organisation'}
            />
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => d && setYear(d.year())}
              aria-label={zh ? '年度' : 'Year'}
            />
          </Space>
        </Card>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Flex vertical gap={16}>
              <Card size="small" title={zh ? '年度工作报告' : 'Annual report'}>
                <Typography.Paragraph type="secondary">
                  {zh
                    ? '包括基本情况（建成与培育中的工作室及名称、立项课题、认定成果、专利及其中发明与实用新型、经核定效益、培训人数）、工作亮点、统计表和存在的问题（风险工作室、覆盖空白），数字与数据看板一致，Word 版可继续编辑。'
                    : 'Situation, highlights, tables and problems; the numbers equal the dashboard’s. The Word file stays editable.'}
                </Typography.Paragraph>
                <Space>
                  <Button
                    type="primary"
                    icon={<FileWordOutlined />}
                    disabled={!org}
                    onClick={() => start('/api/reports/annual/jobs', { format: 'docx' })}
                  >
                    {zh ? '生成 Word' : 'Word'}
                  </Button>
                  <Button
                    icon={<FilePdfOutlined />}
                    disabled={!org}
                    onClick={() => start('/api/reports/annual/jobs', { format: 'pdf' })}
                  >
                    {zh ? '生成 PDF' : 'PDF'}
                  </Button>
                </Space>
              </Card>
              <Card size="small" title={zh ? '上报表格' : 'Upward forms'}>
                <Space wrap>
                  {upwardForms.map((f) => (
                    <Button
                      key={f}
                      icon={<FileExcelOutlined />}
                      disabled={!org}
                      onClick={() => start(`/api/reports/forms/${f}/jobs`, {})}
                    >
                      {l(upwardFormLabels[f])}
                    </Button>
                  ))}
                </Space>
              </Card>
            </Flex>
          </Col>
          <Col xs={24} lg={10}>
            <JobList />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
