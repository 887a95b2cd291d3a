import { Route } from 'wouter';
import { DelegationsPage } from './pages/delegations-page.tsx';
import { JobsPage } from './pages/jobs-page.tsx';
import { LinkagePage } from './pages/linkage-page.tsx';
import { StatementPage } from './pages/statement-page.tsx';
import { SubmissionPage } from './pages/submission-page.tsx';
import { UprPage } from './pages/upr-page.tsx';

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
