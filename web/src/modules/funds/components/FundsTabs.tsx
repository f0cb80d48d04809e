import { Segmented } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useFundTexts } from '../texts';

/** Switches between the three funds pages (支出 / 拨款 / 预算执行). */
export function FundsTabs() {
  const tx = useFundTexts();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      value={pathname}
      onChange={(v) => navigate(String(v))}
      options={[
        { value: '/funds/expenses', label: tx('expenses') },
        { value: '/funds/allocations', label: tx('allocations') },
        { value: '/funds/summary', label: tx('summary') },
      ]}
    />
  );
}
