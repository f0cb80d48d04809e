import { Empty, Result, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTexts } from '../texts';

/** Loading skeleton, a "not published" answer for 404s, or the page. */
export function PageState({
  loading,
  error,
  children,
}: {
  loading: boolean;
  error: unknown;
  children: () => ReactNode;
}) {
  const tx = useTexts();
  if (error)
    return (
      <Result
        status="404"
        title={<h1 style={{ fontSize: 22, margin: 0 }}>{tx('notFound')}</h1>}
        extra={<Link to="/showcase">{tx('backHome')}</Link>}
      />
    );
  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <>{children()}</>;
}

export function Nothing() {
  const tx = useTexts();
  return <Empty description={tx('empty')} />;
}
