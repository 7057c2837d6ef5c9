"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineEventContracts = defineEventContracts;
exports.defineUpcaster = defineUpcaster;
/**
 * A context's registry. Refuses at load time what would otherwise fail on the first old event read: an upcaster
 * for a type without a contract, two for one step, or a version with no step up to the current one.
 */
function defineEventContracts(events, upcasters = []) {
    const types = Object.keys(events);
    const steps = new Set();
    for (const u of upcasters) {
        const contract = Object.hasOwn(events, u.type) ? events[u.type] : undefined;
        if (!contract)
            throw new Error(`Upcaster for ${u.type}, which has no contract`);
        if (!Number.isInteger(u.fromVersion) || u.fromVersion < 1 || u.fromVersion >= contract.schemaVersion) {
            throw new Error(`Upcaster for ${u.type} from v${u.fromVersion}, but its contract is at v${contract.schemaVersion}`);
        }
        const step = `${u.type}@${u.fromVersion}`;
        if (steps.has(step))
            throw new Error(`Two upcasters for ${u.type} v${u.fromVersion}`);
        steps.add(step);
    }
    for (const type of types) {
        const { schemaVersion } = events[type];
        if (!Number.isInteger(schemaVersion) || schemaVersion < 1)
            throw new Error(`${type} has schema version ${schemaVersion}`);
        for (let v = 1; v < schemaVersion; v++) {
            if (!steps.has(`${type}@${v}`))
                throw new Error(`${type} is at v${schemaVersion} but nothing upcasts v${v}`);
        }
    }
    const currentSchemaVersions = Object.fromEntries(types.map((t) => [t, events[t].schemaVersion]));
    return Object.freeze({
        events: Object.freeze({ ...events }),
        types: Object.freeze(types),
        upcasters: Object.freeze([...upcasters]),
        currentSchemaVersions: Object.freeze(currentSchemaVersions),
    });
}
/** An upcaster typed by both versions' schemas; data that does not match the old version fails loudly. */
function defineUpcaster(definition) {
    const { type, fromVersion, from, upcast } = definition;
    return {
        type,
        fromVersion,
        upcast(data, metadata) {
            const parsed = from.safeParse(data);
            if (!parsed.success) {
                const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(data)'}: ${i.message}`).join('; ');
                throw new Error(`${type} v${fromVersion} data does not match its schema: ${issues}`);
            }
            return upcast(parsed.data, metadata);
        },
    };
}
//# sourceMappingURL=event-contracts.js.map