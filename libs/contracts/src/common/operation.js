"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defineOperation = defineOperation;
exports.idParams = idParams;
exports.unsafeStringErrors = unsafeStringErrors;
exports.parseOperationInput = parseOperationInput;
const zod_1 = require("zod");
const schemas_1 = require("./schemas");
function defineOperation(contract) {
    return contract;
}
/** Path parameters that are ids: `{ id: uuid }`, `{ id, promptId }`. */
function idParams(...names) {
    const uuid = zod_1.z.uuid({ message: 'must be a UUID' });
    return zod_1.z.object(Object.fromEntries(names.map((n) => [n, uuid])));
}
// PostgreSQL cannot store U+0000 in text or jsonb, and an unpaired surrogate is not valid Unicode: both are refused
// where they enter, with the field, instead of failing deep inside a write.
const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 64;
/** Every string (and key) of `value` that PostgreSQL or JSON cannot carry, as field errors. */
function unsafeStringErrors(value, path = [], depth = 0) {
    const field = () => path.join('.') || '(body)';
    if (typeof value === 'string') {
        return UNSAFE.test(value) ? [{ field: field(), message: 'must not contain NUL or unpaired surrogates' }] : [];
    }
    if (typeof value !== 'object' || value === null)
        return [];
    if (depth >= MAX_DEPTH)
        return [{ field: field(), message: `nested more than ${MAX_DEPTH} levels deep` }];
    const errors = [];
    for (const [key, item] of Object.entries(value)) {
        if (UNSAFE.test(key))
            errors.push({ field: [...path, key].join('.'), message: 'name must not contain NUL' });
        else
            errors.push(...unsafeStringErrors(item, [...path, key], depth + 1));
    }
    return errors;
}
/** Parses every part, and reports the offending fields of all of them at once (400). */
function parseOperationInput(contract, raw) {
    const errors = [];
    const part = (schema, value) => {
        if (!schema)
            return undefined;
        const unsafe = unsafeStringErrors(value);
        if (unsafe.length > 0) {
            errors.push(...unsafe);
            return undefined;
        }
        const result = schema.safeParse(value);
        if (result.success)
            return result.data;
        errors.push(...(0, schemas_1.toFieldErrors)(result.error));
        return undefined;
    };
    const input = {
        params: part(contract.params, raw?.params ?? {}),
        query: part(contract.query, raw?.query ?? {}),
        body: part(contract.body, raw?.body),
    };
    if (errors.length > 0)
        throw new schemas_1.InvalidInputError(errors);
    return input;
}
//# sourceMappingURL=operation.js.map