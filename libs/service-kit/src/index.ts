// What every service shares: bootstrap, command runner, idempotency, error mapping, readiness, relay host.
export {};
