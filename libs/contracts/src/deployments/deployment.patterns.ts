// Request/reply subjects of the deployments service (prefixed on the wire by the messaging lib).
export const DeploymentPatterns = {
  environments: 'deployments.environments',
  deploy: 'deployments.deploy',
  reportStatus: 'deployments.report-status',
  rollback: 'deployments.rollback',
  history: 'deployments.history',
  status: 'deployments.status',
  promote: 'deployments.promote',
  scale: 'deployments.scale',
  /** Bus only: the active deployment of an assistant in one environment (conversations start on its snapshot). */
  active: 'deployments.active',
} as const;

export const DEPLOYMENT_STREAM_CATEGORY = 'deployment';
