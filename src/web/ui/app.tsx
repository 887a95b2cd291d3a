import { type ReactNode, Suspense } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { WorkspaceLayout } from './components/layout.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { lazyPage } from './lazy-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { useSession } from './session.tsx';

const AnalysisPage = lazyPage(() => import('./pages/analysis-page.tsx'), 'AnalysisPage');
const ExplainPage = lazyPage(() => import('./pages/explain-page.tsx'), 'ExplainPage');
const IntakePage = lazyPage(() => import('./pages/intake-page.tsx'), 'IntakePage');
const RecordPage = lazyPage(() => import('./pages/record-page.tsx'), 'RecordPage');
const ReviewPage = lazyPage(() => import('./pages/review-page.tsx'), 'ReviewPage');
const SearchPage = lazyPage(() => import('./pages/search-page.tsx'), 'SearchPage');
const PortalFacilitiesPage = lazyPage(() => import('./portal/portal-pages.tsx'), 'PortalFacilitiesPage');
const PortalFiguresPage = lazyPage(() => import('./portal/portal-pages.tsx'), 'PortalFiguresPage');
const PortalRecordPage = lazyPage(() => import('./portal/portal-pages.tsx'), 'PortalRecordPage');
const PortalLayout = lazyPage(() => import('./portal/portal-layout.tsx'), 'PortalLayout');

/** The public portal: anyone, no sign-in, its own API (`/api/public`). */
function Portal() {
  return (
    <Suspense fallback={<Loading />}>
      <PortalLayout>
        <Switch>
          <Route path="/portal">
            <PortalFiguresPage />
          </Route>
          <Route path="/portal/facilities">
            <PortalFacilitiesPage />
          </Route>
          <Route path="/portal/search">
            <SearchPage base="/portal/search" api="/api/public/search" />
          </Route>
          <Route path="/portal/records/:id">{(params) => <PortalRecordPage id={params.id} />}</Route>
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </PortalLayout>
    </Suspense>
  );
}

/** The researchers' workspace: signed-in staff only. */
function Workspace({ extra }: { extra: ReactNode }) {
  return (
    <WorkspaceLayout>
      <Suspense fallback={<Loading />}>
        <Switch>
          <Route path="/">
            <DashboardPage />
          </Route>
          <Route path="/intake">
            <IntakePage />
          </Route>
          <Route path="/search">
            <SearchPage />
          </Route>
          <Route path="/review">
            <ReviewPage />
          </Route>
          <Route path="/analysis">
            <AnalysisPage />
          </Route>
          <Route path="/records/:id">{(params) => <RecordPage id={params.id} />}</Route>
          <Route path="/explain">
            <ExplainPage />
          </Route>
          {extra}
          <Route>
            <NotFound />
          </Route>
        </Switch>
      </Suspense>
    </WorkspaceLayout>
  );
}

function Loading() {
  const { t } = useI18n();
  return (
    <p role="status" className="note">
      {t('loading')}
    </p>
  );
}

function NotFound() {
  const { t } = useI18n();
  return <p role="alert">{t('error.notFound')}</p>;
}

/** Routes: the portal, the sign-in page, and the workspace behind it. */
export function App({ extra }: { extra?: ReactNode }) {
  const [location] = useLocation();
  const { session } = useSession();
  const { t } = useI18n();
  if (location === '/portal' || location.startsWith('/portal/')) return <Portal />;
  if (!session)
    return (
      <p role="status" className="note">
        {t('loading')}
      </p>
    );
  if (location === '/sign-in') return session.role === 'public' ? <SignInPage /> : <Redirect to="/" />;
  if (session.role === 'public') return <Redirect to="/sign-in" />;
  return <Workspace extra={extra} />;
}
