import type { DeploymentEnvironment, DeploymentStatus } from '@platform/contracts';
import type { ReadinessFailure } from '../readiness/readiness';

// Named domain errors; the service maps each to an HTTP status once, at the edge.
class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class DeploymentNotFoundError extends DomainError {
  constructor(readonly deploymentId: string) {
    super(`Deployment ${deploymentId} not found`);
  }
}

/** The assistant does not exist, or not for this caller (another owner's). */
export class AssistantNotFoundError extends DomainError {
  constructor(readonly assistantId: string) {
    super(`Assistant ${assistantId} not found`);
  }
}

export class ReadinessChecksFailedError extends DomainError {
  constructor(readonly failures: readonly ReadinessFailure[]) {
    super(
      `${failures.length} readiness check${failures.length === 1 ? '' : 's'} failed: ${failures.map((f) => f.check).join(', ')}`,
    );
  }
}

export class DeploymentInProgressError extends DomainError {
  constructor(
    readonly environment: DeploymentEnvironment,
    readonly deploymentId: string,
    status: DeploymentStatus,
  ) {
    super(`Deployment ${deploymentId} in ${environment} is still ${status}`);
  }
}

export class IllegalStatusTransitionError extends DomainError {
  constructor(
    readonly deploymentId: string,
    readonly from: DeploymentStatus,
    readonly to: DeploymentStatus,
  ) {
    super(`Deployment ${deploymentId} cannot go from ${from} to ${to}`);
  }
}

export class NothingToRollBackError extends DomainError {
  constructor(environment: DeploymentEnvironment, why: string) {
    super(`Nothing to roll back to in ${environment}: ${why}`);
  }
}

export class NoActiveDeploymentError extends DomainError {
  constructor(
    readonly assistantId: string,
    readonly environment: DeploymentEnvironment,
  ) {
    super(`Assistant ${assistantId} has no active deployment in ${environment}`);
  }
}

/** Promotion goes one stage at a time, from a stage that has an active deployment. */
export class InvalidPromotionError extends DomainError {
  constructor(
    readonly field: 'fromEnvironment' | 'toEnvironment',
    message: string,
  ) {
    super(message);
  }
}
