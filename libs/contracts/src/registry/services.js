"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.INSTALLATION_QUERY = exports.healthPattern = exports.PLATFORM_SERVICES = void 0;
exports.installationIdOf = installationIdOf;
exports.derivedBusPrefix = derivedBusPrefix;
const node_crypto_1 = require("node:crypto");
exports.PLATFORM_SERVICES = [{ name: 'assistants', schema: 'assistants' }];
/** The readiness operation every service answers (through the service kit). */
const healthPattern = (service) => `${service}.health`;
exports.healthPattern = healthPattern;
/**
 * Which installation a database is: its PostgreSQL cluster's system identifier and the database name, hashed.
 * Every process of one installation computes the same id from the database it shares.
 */
function installationIdOf(systemIdentifier, database) {
    return (0, node_crypto_1.createHash)('sha256').update(`${systemIdentifier}/${database}`).digest('hex').slice(0, 16);
}
/** The bus prefix of an installation without BUS_PREFIX: two databases on one NATS never share subjects. */
function derivedBusPrefix(installationId) {
    return `platform_${installationId.slice(0, 10)}`;
}
/** The SQL that reads what installationIdOf needs (any role may run it). */
exports.INSTALLATION_QUERY = 'SELECT system_identifier::text AS system, current_database() AS db FROM pg_control_system()';
//# sourceMappingURL=services.js.map