import type { ReactNode } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { WorkspaceLayout } from './components/layout.tsx';
import { useI18n } from './i18n/i18n.tsx';
import { AnalysisPage } from './pages/analysis-page.tsx';
import { DashboardPage } from './pages/dashboard-page.tsx';
import { ExplainPage } from './pages/explain-page.tsx';
import { IntakePage } from './pages/intake-page.tsx';
import { RecordPage } from './pages/record-page.tsx';
import { ReviewPage } from './pages/review-page.tsx';
import { SearchPage } from './pages/search-page.tsx';
import { SignInPage } from './pages/sign-in-page.tsx';
import { PortalLayout } from './portal/portal-layout.tsx';
import { PortalFacilitiesPage, PortalFiguresPage, PortalRecordPage } from './portal/portal-pages.tsx';
import { useSession } from './session.tsx';

/** The public portal: anyone, no sign-in, its own API (`/api/public`). */
function Portal() {
  return (
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
  );
}

/** The researchers' workspace: signed-in staff only. */
function Workspace({ extra }: { extra: ReactNode }) {
  return (
    <WorkspaceLayout>
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
    </WorkspaceLayout>
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
