import { useQuery } from '@tanstack/react-query';
import { Select, type SelectProps } from 'antd';
import type { Member } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { useTexts } from '../texts';

type Props = Omit<SelectProps<number>, 'options'> & {
  studioId: number | undefined;
  extra?: { value: number; label: string }[];
};

/** Picks a person from a studio's current roster (leaders and members can pick without people.read). */
export function RosterSelect({ studioId, extra = [], ...rest }: Props) {
  const tx = useTexts();
  const { data = [], isFetching } = useQuery({
    queryKey: ['studios', studioId, 'members', false],
    queryFn: () => api<Member[]>(`/api/studios/${studioId}/members`),
    enabled: !!studioId,
  });
  const options = data.map((m) => ({ value: m.personId, label: `${m.personName}（${m.employeeNo}）` }));
  for (const e of extra) if (!options.some((o) => o.value === e.value)) options.push(e);
  return (
    <Select<number>
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={tx('pickPerson')}
      aria-label={tx('pickPerson')}
      loading={isFetching}
      {...rest}
      options={options}
    />
  );
}
