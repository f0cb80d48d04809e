import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Page } from '../../../../../common/schemas/shared';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { useTexts } from '../texts';

type Props = Omit<SelectProps<number>, 'options' | 'showSearch'> & {
  /** Called with the picked studio (its leader and field prefill the form). */
  onPicked?: (studio: StudioListItem | undefined) => void;
  /** Label of the current value when it is not among the searched options. */
  initialLabel?: string;
};

/** Picks one of the studios the user can see, by name (remote search on /api/studios). */
export function StudioPicker({ onPicked, onChange, initialLabel, ...rest }: Props) {
  const tx = useTexts();
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
  const items = data?.items ?? [];
  return (
    <Select<number>
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder={tx('pickStudio')}
      loading={isFetching}
      {...rest}
      onChange={(v, o) => {
        onChange?.(v, o);
        onPicked?.(items.find((s) => s.id === v));
      }}
      options={[
        ...items.map((s) => ({ value: s.id, label: s.name })),
        ...(rest.value && initialLabel && !items.some((s) => s.id === rest.value)
          ? [{ value: rest.value, label: initialLabel }]
          : []),
      ]}
    />
  );
}
