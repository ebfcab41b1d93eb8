import { Suspense, lazy, useEffect } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { BrowserRouter, Route, Routes, useNavigate } from 'react-router';
import { ApiError, setAuthRedirect } from './api/client';
import { appRoutes } from './routes';
import { useTheme } from './theme';
import { SignedInLayout, RouteGuard } from './layout/SignedInLayout';
import { NotFoundPage } from './pages/errors/ErrorPages';
import { FullPageSpin } from './components/FullPageSpin';

const LoginPage = lazy(() => import('./pages/login/LoginPage'));
// The room display opens with its own per-room token, without signing in (一支部一阵地).
const PublicRoomScreenPage = lazy(() => import('./pages/bases/RoomScreen').then((m) => ({ default: m.PublicRoomScreenPage })));
// The court's brand cluster as the public sees it: no login.
const ShowcasePage = lazy(() => import('./pages/brands/ShowcasePage'));

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not get better by asking again; a network blip may.
      retry: (count, err) => !(err instanceof ApiError && err.status < 500) && count < 2,
      refetchOnWindowFocus: false,
      staleTime: 15_000,
    },
  },
});

/** Lets the API client leave for the login or password page through the router. */
function AuthRedirectBridge() {
  const navigate = useNavigate();
  const client = useQueryClient();
  useEffect(() => {
    setAuthRedirect((kind, message) => {
      const { pathname, search } = window.location;
      if (kind === 'password') {
        if (pathname !== '/account/password') navigate('/account/password', { replace: true });
        return;
      }
      if (pathname.startsWith('/login')) return;
      client.removeQueries();
      navigate(`/login?next=${encodeURIComponent(pathname + search)}`, { replace: true, state: { message } });
    });
  }, [navigate, client]);
  return null;
}

export function App() {
  const theme = useTheme();
  return (
    <ConfigProvider locale={zhCN} theme={theme}>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AuthRedirectBridge />
            <Suspense fallback={<FullPageSpin />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/room-screen" element={<PublicRoomScreenPage />} />
                <Route path="/showcase/:courtId" element={<ShowcasePage />} />
                <Route element={<SignedInLayout />}>
                  {appRoutes.map((route) => (
                    <Route key={route.path} path={route.path} element={<RouteGuard route={route} />} />
                  ))}
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </AntdApp>
    </ConfigProvider>
  );
}
