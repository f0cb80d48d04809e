import { Result } from 'antd';
import { Link } from 'react-router';
import { useTexts } from '../texts';

/** The answer to a showcase page that does not exist or is not published. */
export default function NotPublished() {
  const tx = useTexts();
  return (
    <Result
      status="404"
      title={<h1 style={{ fontSize: 22, margin: 0 }}>{tx('notFound')}</h1>}
      extra={<Link to="/showcase">{tx('backHome')}</Link>}
    />
  );
}
