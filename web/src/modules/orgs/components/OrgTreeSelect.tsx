import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import type { Org } from '../../../../../common/schemas/orgs';
import { useOrgTree } from '../api';
import { buildOrgTree, type OrgNode } from '../org-tree';

type Props = Omit<TreeSelectProps<number>, 'treeData' | 'value' | 'onChange'> & {
  value?: number | null;
  onChange?: (value: number | undefined) => void;
  /** Nodes that may not be chosen (shown disabled). */
  disable?: (org: Org) => boolean;
};

/** Picks one org of the user's visible tree, searchable by name or code. For forms and filter bars. */
export function OrgTreeSelect({ disable, value, onChange, ...rest }: Props) {
  const { data = [], isLoading } = useOrgTree();
  const treeData = useMemo(() => {
    const map = (n: OrgNode): NonNullable<TreeSelectProps['treeData']>[number] => ({
      value: n.org.id,
      title: n.org.name,
      search: `${n.org.name} ${n.org.code}`,
      disabled: disable?.(n.org) ?? false,
      children: n.children.map(map),
    });
    return buildOrgTree(data).map(map);
  }, [data, disable]);
  return (
    <TreeSelect<number>
      showSearch={{ treeNodeFilterProp: 'search' }}
      allowClear
      loading={isLoading}
      treeDefaultExpandAll={data.length < 60}
      popupMatchSelectWidth={false}
      style={{ minWidth: 200 }}
      {...rest}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? undefined)}
      treeData={treeData}
    />
  );
}
