import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Person } from '../../../../../common/schemas/people';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n';

/** Picks a user (a person with a login) by name or 工号; the value is the user id. */
export function UserPicker({
  initialLabel,
  value,
  ...rest
}: Omit<SelectProps<number>, 'options'> & { initialLabel?: string }) {
  const { lang } = useI18n();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(h);
  }, [q]);
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'pick-user', debounced],
    queryFn: () => api<Page<Person>>('/api/people', { query: { q: debounced, pageSize: 20 } }),
    enabled: debounced.length > 0,
  });
  const options = (data?.items ?? [])
    .filter((p) => p.userId !== null)
    .map((p) => ({ value: p.userId as number, label: `${p.name}（${p.employeeNo} · ${p.orgName}）` }));
  if (value && initialLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder={lang === 'en' ? 'Search by name or employee no.' : '输入姓名或工号搜索'}
      loading={isFetching}
      notFoundContent={null}
      {...rest}
      value={value}
      options={options}
    />
  );
}
