import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { Person } from '../../../../../common/schemas/people';
import type { Page } from '../../../../../common/schemas/shared';
import type { Member } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useLifeTexts } from '../texts';

type Props = Omit<SelectProps<number>, 'options' | 'showSearch'> & {
  /** The studio whose members are offered first (everyone may name them). */
  studioId?: number;
  /** Labels of values already chosen (so an edit form shows names before any search). */
  known?: Record<number, string>;
};

/**
 * Picks a person for an activity, contest or agreement: the studio's members, plus — for users who may
 * read people — anyone found by name or 工号. The server checks the choice again.
 */
export function LifePersonSelect({ studioId, known, value, ...rest }: Props) {
  const tx = useLifeTexts();
  const canSearch = usePermission('people.read');
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  useEffect(() => {
    const h = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(h);
  }, [q]);
  const members = useQuery({
    queryKey: ['studios', studioId, 'members', false],
    queryFn: () => api<Member[]>(`/api/studios/${studioId}/members`),
    enabled: !!studioId,
  });
  const found = useQuery({
    queryKey: ['people', 'pick', debounced],
    queryFn: () => api<Page<Person>>('/api/people', { query: { q: debounced, pageSize: 20 } }),
    enabled: canSearch && debounced.length > 0,
  });
  const options = new Map<number, string>();
  for (const m of members.data ?? []) options.set(m.personId, `${m.personName}（${m.employeeNo}）`);
  for (const p of found.data?.items ?? []) options.set(p.id, `${p.name}（${p.employeeNo} · ${p.orgName}）`);
  for (const [id, label] of Object.entries(known ?? {}))
    if (!options.has(Number(id))) options.set(Number(id), label);
  return (
    <Select<number>
      showSearch={{
        filterOption: (input, o) => String(o?.label ?? '').includes(input),
        onSearch: setQ,
      }}
      allowClear
      placeholder={tx('personSearch')}
      aria-label={tx('person')}
      loading={members.isFetching || found.isFetching}
      {...rest}
      value={value}
      options={[...options].map(([v, label]) => ({ value: v, label }))}
    />
  );
}
