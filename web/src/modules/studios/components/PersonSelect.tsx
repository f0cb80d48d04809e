import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Person } from '../../../../../common/schemas/people';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { useTexts } from '../texts';

type Props = Omit<SelectProps<number>, 'options' | 'onSearch' | 'showSearch'> & {
  /** A label for the current value before any search (e.g. the leader's name). */
  initialLabel?: string;
};

/** Picks a person of the user's visible people by name or 工号 (remote search on /api/people). */
export function PersonSelect({ initialLabel, value, ...rest }: Props) {
  const tx = useTexts();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(h);
  }, [q]);
  const { data, isFetching } = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: () => api<Page<Person>>('/api/people', { query: { q: debounced, pageSize: 20 } }),
    enabled: debounced.length > 0,
  });
  const options = (data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}（${p.employeeNo} · ${p.orgName}）`,
  }));
  if (value && initialLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder={tx('personSearch')}
      loading={isFetching}
      notFoundContent={null}
      {...rest}
      value={value}
      options={options}
    />
  );
}
