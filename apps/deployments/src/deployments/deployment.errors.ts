import {
  AssistantNotFoundError,
  DeploymentInProgressError,
  DeploymentNotFoundError,
  IllegalStatusTransitionError,
  InvalidPromotionError,
  NoActiveDeploymentError,
  NothingToRollBackError,
  ReadinessChecksFailedError,
} from '@platform/deployments-domain';
import { onError, type ErrorMapping } from '@platform/messaging';

/** Every named error of the deployments context and its status, mapped once. */
export const deploymentErrors: readonly ErrorMapping[] = [
  onError(AssistantNotFoundError, 404),
  onError(DeploymentNotFoundError, 404),
  onError(DeploymentInProgressError, 409, (e) => ({ deploymentId: e.deploymentId })),
  onError(IllegalStatusTransitionError, 409, (e) => ({ from: e.from, to: e.to })),
  onError(NothingToRollBackError, 409),
  onError(NoActiveDeploymentError, 409),
  onError(InvalidPromotionError, 422, (e) => ({ errors: [{ field: e.field, message: e.message }] })),
  // Every failed check, as `checks` and as field errors (the check's name in `field`).
  onError(ReadinessChecksFailedError, 422, (e) => ({
    checks: e.failures.map((f) => ({ ...f })),
    errors: e.failures.map((f) => ({ field: f.check, message: f.message })),
  })),
];
