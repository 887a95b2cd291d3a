/**
 * Workspace pages beyond the core ones (UPR, submission and statement builders, delegations,
 * linkage review, jobs), as `<Route>` elements placed inside the workspace's switch.
 */
export const advocacyRoutes = null;
