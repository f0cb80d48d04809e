import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type Allocation,
  type FundSource,
  fundSourceLabels,
  fundSources,
} from '../../../../../common/schemas/funds';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { fromLifeQuery, toLifeQuery } from '../../activities/components/filters';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { fundKeys, toFen } from '../api';
import { FundsTabs } from '../components/FundsTabs';
import { useFundTexts } from '../texts';

interface Values {
  studioId?: number;
  year: number;
  source: FundSource;
  amount: number;
  receivedOn?: Dayjs | null;
  note?: string;
}

/** 经费拨款: money given to studios by year and source; union admins record and correct it. */
export default function AllocationListPage() {
  const { t, lang } = useI18n();
  const tx = useFundTexts();
  const lx = useLifeTexts();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const canAllocate = usePermission('funds.allocate');
  const [editing, setEditing] = useState<Allocation | 'new' | null>(null);
  const [form] = Form.useForm<Values>();
  const reload = () => qc.invalidateQueries({ queryKey: ['funds'] });

  const open = (a: Allocation | 'new') => {
    form.resetFields();
    if (a === 'new') form.setFieldsValue({ year: dayjs().year(), source: 'unionGrant' });
    else
      form.setFieldsValue({
        ...a,
        amount: a.amountFen / 100,
        receivedOn: a.receivedOn ? dayjs(a.receivedOn) : null,
        note: a.note ?? undefined,
      });
    setEditing(a);
  };
  const save = async () => {
    const v = await validValues(form);
    if (!v || !editing) return;
    const body = {
      year: v.year,
      source: v.source,
      amountFen: toFen(v.amount),
      receivedOn: v.receivedOn?.format('YYYY-MM-DD') ?? null,
      note: v.note || null,
    };
    try {
      if (editing === 'new')
        await api('/api/funds/allocations', { method: 'POST', body: { ...body, studioId: v.studioId } });
      else
        await api(`/api/funds/allocations/${editing.id}`, {
          method: 'PATCH',
          body: { ...body, version: editing.version },
        });
      message.success(t('common.saved'));
      setEditing(null);
      void reload();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };
  const setArchived = (a: Allocation, archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', {
        name: `${a.studioName} ${a.year} ${formatMoney(a.amountFen, { fen: true })}`,
      }),
      onOk: async () => {
        try {
          await api(`/api/funds/allocations/${a.id}/${archived ? 'archive' : 'restore'}`, {
            method: 'POST',
            body: { version: a.version },
          });
          void reload();
        } catch (err) {
          toast(err);
        }
      },
    });

  const columns: ColumnsType<Allocation> = [
    { key: 'year', title: tx('year'), dataIndex: 'year', width: 80 },
    { key: 'studio', title: lx('studio'), dataIndex: 'studioName', ellipsis: true },
    {
      key: 'source',
      title: tx('source'),
      dataIndex: 'source',
      width: 110,
      render: (s) => labelOf(fundSourceLabels, s, lang),
    },
    {
      key: 'amount',
      title: tx('amount'),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (f: number) => formatMoney(f, { fen: true }),
    },
    { key: 'receivedOn', title: tx('receivedOn'), dataIndex: 'receivedOn', width: 110, render: formatDate },
    { key: 'note', title: tx('note'), dataIndex: 'note', ellipsis: true },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 140,
      render: (_, a) => (
        <Space>
          {a.abilities?.update && <a onClick={() => open(a)}>{t('common.edit')}</a>}
          {a.abilities?.archive && <a onClick={() => setArchived(a, true)}>{t('common.archive')}</a>}
          {a.abilities?.restore && <a onClick={() => setArchived(a, false)}>{t('common.restore')}</a>}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={tx('funds')} extra={<FundsTabs />} />
      <ListPage<Allocation>
        queryKey={fundKeys.allocations}
        fetchPage={(query) => api<Page<Allocation>>('/api/funds/allocations', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="fund-allocations"
        phoneColumns={['year', 'studio', 'amount']}
        toQuery={toLifeQuery}
        fromQuery={fromLifeQuery}
        filters={
          <>
            <Form.Item name="studioId">
              <StudioSelect style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="year">
              <InputNumber placeholder={tx('year')} min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="source">
              <Select
                allowClear
                placeholder={tx('source')}
                options={optionsOf(fundSources, fundSourceLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <ExportButton path="/api/funds/allocations/export" name={tx('allocations')} />
            {canAllocate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => open('new')}>
                {tx('newAllocation')}
              </Button>
            )}
          </>
        }
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? tx('newAllocation') : tx('editAllocation')}
        onOk={save}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          {editing === 'new' && (
            <Form.Item
              name="studioId"
              label={lx('studio')}
              rules={[{ required: true, message: lx('studioSearch') }]}
            >
              <StudioSelect />
            </Form.Item>
          )}
          <Space wrap>
            <Form.Item name="year" label={tx('year')} rules={[{ required: true }]}>
              <InputNumber min={2000} max={2100} />
            </Form.Item>
            <Form.Item name="source" label={tx('source')} rules={[{ required: true }]}>
              <Select options={optionsOf(fundSources, fundSourceLabels, lang)} style={{ width: 140 }} />
            </Form.Item>
          </Space>
          <Form.Item name="amount" label={tx('amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: 200 }} prefix="¥" />
          </Form.Item>
          <Form.Item name="receivedOn" label={tx('receivedOn')}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label={tx('note')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
