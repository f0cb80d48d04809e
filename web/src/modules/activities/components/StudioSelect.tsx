import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Page } from '../../../../../common/schemas/shared';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { useLifeTexts } from '../texts';

type Props = Omit<SelectProps<number>, 'options' | 'showSearch'> & { initialLabel?: string };

/** Picks one of the studios the user can see (remote search on /api/studios). */
export function StudioSelect({ initialLabel, value, ...rest }: Props) {
  const tx = useLifeTexts();
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(h);
  }, [q]);
  const { data, isFetching } = useQuery({
    queryKey: ['studios', 'pick', debounced],
    queryFn: () =>
      api<Page<StudioListItem>>('/api/studios', { query: { q: debounced || undefined, pageSize: 30 } }),
  });
  const options = (data?.items ?? []).map((s) => ({ value: s.id, label: s.name }));
  if (value && initialLabel && !options.some((o) => o.value === value))
    options.unshift({ value, label: initialLabel });
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder={tx('studioSearch')}
      aria-label={tx('studio')}
      loading={isFetching}
      {...rest}
      value={value}
      options={options}
    />
  );
}
