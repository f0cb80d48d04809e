import { useNavigate } from 'react-router';
import { api } from '../../shared/api/client';
import { useSetMe } from '../../shared/hooks/useMe';

/** Ends the session (or every session) and goes to the login page. */
export function useLogout() {
  const setMe = useSetMe();
  const navigate = useNavigate();
  return async (everywhere = false) => {
    try {
      await api(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', {
        method: 'POST',
        redirectOn401: false,
      });
    } finally {
      setMe(null);
      navigate('/login', { replace: true });
    }
  };
}
