import { ImportOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Input,
  Row,
  Space,
  Switch,
  Tag,
  Tree,
} from 'antd';
import { useDeferredValue, useMemo, useState } from 'react';
import { orgKindLabels } from '../../../../../common/enums';
import type { Org } from '../../../../../common/schemas/orgs';
import { api } from '../../../shared/api/client';
import { ImportDialog } from '../../../shared/components/ImportDialog';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatCount, formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePhone } from '../../../shared/hooks/useFormLayout';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { orgKeys, useOrgTree } from '../api';
import { OrgFormModal } from '../components/OrgFormModal';
import { OrgMoveModal } from '../components/OrgMoveModal';
import { buildOrgTree, filterOrgTree, type OrgNode } from '../org-tree';

type TreeItem = { key: number; title: React.ReactNode; children: TreeItem[] };

/** 组织架构: the org tree on the left, the selected node's details and actions on the right. */
export default function OrgTreePage() {
  const { t, l, lang } = useI18n();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const qc = useQueryClient();
  const phone = usePhone();
  const canImport = usePermission('orgs.import');
  const [showArchived, setShowArchived] = useState(false);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [expanded, setExpanded] = useState<number[] | null>(null);
  const [creatingUnder, setCreatingUnder] = useState<Org | null>(null);
  const [editing, setEditing] = useState<Org | null>(null);
  const [moving, setMoving] = useState<Org | null>(null);
  const [importing, setImporting] = useState(false);
  const { data: orgs = [], isLoading, error, refetch } = useOrgTree(showArchived);

  const roots = useMemo(() => buildOrgTree(orgs), [orgs]);
  const deferredSearch = useDeferredValue(search);
  const filtered = useMemo(() => filterOrgTree(roots, deferredSearch), [roots, deferredSearch]);
  const selected =
    orgs.find((o) => o.id === selectedId) ?? (selectedId === null ? roots[0]?.org : undefined) ?? null;
  const parent = selected?.parentId ? orgs.find((o) => o.id === selected.parentId) : undefined;

  const toItems = (nodes: OrgNode[]): TreeItem[] =>
    nodes.map((n) => ({
      key: n.key,
      title: (
        <span style={{ opacity: n.org.archivedAt ? 0.5 : 1 }}>
          {n.org.name}
          {n.org.archivedAt && <Tag style={{ marginInlineStart: 6 }}>{t('common.archived')}</Tag>}
        </span>
      ),
      children: toItems(n.children),
    }));
  // By default the roots are open, so the group's enterprises show.
  const defaultExpanded = useMemo(() => roots.map((r) => r.key), [roots]);
  const expandedKeys = deferredSearch.trim() ? filtered.expanded : (expanded ?? defaultExpanded);

  const refresh = (org?: Org) => {
    void qc.invalidateQueries({ queryKey: orgKeys.all });
    if (org) setSelectedId(org.id);
  };

  const setArchived = (org: Org, archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', { name: org.name }),
      okButtonProps: archived ? { danger: true } : undefined,
      onOk: async () => {
        try {
          const saved = await api<Org>(`/api/orgs/${org.id}/${archived ? 'archive' : 'restore'}`, {
            method: 'POST',
            body: { version: org.version },
          });
          message.success(t('common.done'));
          if (archived && !showArchived) setSelectedId(saved.parentId);
          refresh();
        } catch (err) {
          toast(err);
        }
      },
    });

  const a = selected?.abilities ?? {};
  const actions = selected && (
    <Space wrap>
      {a.createChild && !selected.archivedAt && selected.kind !== 'team' && (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreatingUnder(selected)}>
          {t('orgs.createChild')}
        </Button>
      )}
      {a.update && <Button onClick={() => setEditing(selected)}>{t('common.edit')}</Button>}
      {a.move && !selected.archivedAt && (
        <Button onClick={() => setMoving(selected)}>{t('orgs.move')}</Button>
      )}
      {a.archive &&
        (selected.archivedAt ? (
          <Button onClick={() => setArchived(selected, false)}>{t('common.restore')}</Button>
        ) : (
          <Button danger onClick={() => setArchived(selected, true)}>
            {t('common.archive')}
          </Button>
        ))}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={t('orgs.title')}
        extra={
          <>
            <Button icon={<ReloadOutlined />} onClick={() => refetch()}>
              {t('common.refresh')}
            </Button>
            {canImport && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {t('common.import')}
              </Button>
            )}
          </>
        }
      />
      {error && <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 16 }} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={10} lg={8}>
          <Card
            size="small"
            title={t('orgs.tree')}
            loading={isLoading}
            extra={
              <Space size={4}>
                <span style={{ fontSize: 12 }}>{t('orgs.showArchived')}</span>
                <Switch
                  size="small"
                  checked={showArchived}
                  onChange={setShowArchived}
                  aria-label={t('orgs.showArchived')}
                />
              </Space>
            }
          >
            <Input
              allowClear
              prefix={<SearchOutlined />}
              placeholder={t('orgs.search')}
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              style={{ marginBottom: 8 }}
            />
            <div style={{ maxHeight: phone ? 320 : 'calc(100vh - 300px)', overflow: 'auto' }}>
              {filtered.roots.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Tree<TreeItem>
                  blockNode
                  treeData={toItems(filtered.roots)}
                  selectedKeys={selected ? [selected.id] : []}
                  expandedKeys={expandedKeys}
                  onExpand={(keys) => setExpanded(keys as number[])}
                  onSelect={(keys) => keys[0] !== undefined && setSelectedId(Number(keys[0]))}
                />
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} md={14} lg={16}>
          <Card size="small" title={selected?.name ?? t('orgs.selectHint')} extra={!phone && actions}>
            {selected ? (
              <Flex vertical gap={12}>
                {phone && actions}
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, sm: 1, md: 1, lg: 2 }}
                  items={[
                    { key: 'name', label: t('orgs.name'), children: selected.name },
                    { key: 'code', label: t('orgs.code'), children: selected.code },
                    { key: 'kind', label: t('orgs.kind'), children: l(orgKindLabels[selected.kind]) },
                    { key: 'parent', label: t('orgs.parent'), children: parent?.name ?? '—' },
                    {
                      key: 'count',
                      label: t('orgs.employeeCount'),
                      children: formatCount(selected.employeeCount, 'people', lang),
                    },
                    {
                      key: 'status',
                      label: t('common.status'),
                      children: selected.archivedAt ? (
                        <Tag>{t('common.archived')}</Tag>
                      ) : (
                        <Tag color="green">{t('common.active')}</Tag>
                      ),
                    },
                    {
                      key: 'updated',
                      label: t('common.updatedAt'),
                      children: formatDateTime(selected.updatedAt),
                    },
                  ]}
                />
              </Flex>
            ) : (
              <Empty description={t('orgs.selectHint')} />
            )}
          </Card>
        </Col>
      </Row>
      <OrgFormModal
        open={creatingUnder !== null || editing !== null}
        parent={creatingUnder ?? undefined}
        org={editing ?? undefined}
        onClose={() => {
          setCreatingUnder(null);
          setEditing(null);
        }}
        onSaved={(org) => {
          if (creatingUnder) setExpanded([...(expanded ?? defaultExpanded), creatingUnder.id]);
          setCreatingUnder(null);
          setEditing(null);
          refresh(org);
        }}
      />
      <OrgMoveModal
        org={moving}
        onClose={() => setMoving(null)}
        onSaved={(org) => {
          setMoving(null);
          refresh(org);
        }}
      />
      <ImportDialog
        open={importing}
        onClose={() => setImporting(false)}
        what={t('orgs.importWhat')}
        endpoint="/api/orgs/import"
        templateUrl="/api/orgs/import/template"
        templateName={lang === 'zh' ? '组织导入模板.xlsx' : 'org-import-template.xlsx'}
        onImported={() => refresh()}
      />
    </>
  );
}
