import { Route } from 'wouter';
import { lazyPage } from './lazy-page.tsx';

const DelegationsPage = lazyPage(() => import('./pages/delegations-page.tsx'), 'DelegationsPage');
const JobsPage = lazyPage(() => import('./pages/jobs-page.tsx'), 'JobsPage');
const LinkagePage = lazyPage(() => import('./pages/linkage-page.tsx'), 'LinkagePage');
const StatementPage = lazyPage(() => import('./pages/statement-page.tsx'), 'StatementPage');
const SubmissionPage = lazyPage(() => import('./pages/submission-page.tsx'), 'SubmissionPage');
const UprPage = lazyPage(() => import('./pages/upr-page.tsx'), 'UprPage');
/**
 * Workspace pages beyond the core ones (UPR, submission and statement builders, delegations,
 * linkage review, jobs), as `<Route>` elements placed inside the workspace's switch.
 */
export const advocacyRoutes = (
  <>
    <Route path="/upr">
      <UprPage />
    </Route>
    <Route path="/submission">
      <SubmissionPage />
    </Route>
    <Route path="/statement">
      <StatementPage />
    </Route>
    <Route path="/delegations">
      <DelegationsPage />
    </Route>
    <Route path="/linkage">
      <LinkagePage />
    </Route>
    <Route path="/jobs">
      <JobsPage />
    </Route>
  </>
);
