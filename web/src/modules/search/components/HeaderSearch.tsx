import { Input } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n';

/** The one search box of the header: opens the results page (/search?q=…) for studios, people, projects, results, ideas and challenges. */
export function HeaderSearch({ compact }: { compact?: boolean }) {
  const { lang } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  const [value, setValue] = useState(current);
  useEffect(() => setValue(current), [current]);
  return (
    <Input.Search
      allowClear
      value={value}
      onChange={(e) => setValue(e.target.value)}
      placeholder={lang === 'en' ? 'Search studios, people, results…' : '搜索工作室、人员、成果、金点子…'}
      aria-label={lang === 'en' ? 'Search' : '搜索'}
      onSearch={(q) => q.trim() && navigate(`/search?q=${encodeURIComponent(q.trim())}`)}
      style={{ width: compact ? 150 : 300 }}
    />
  );
}
