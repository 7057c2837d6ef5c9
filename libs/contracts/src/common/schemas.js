"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InvalidInputError = exports.ProblemError = exports.cursorSchema = exports.limitSchema = exports.uuidSchema = exports.MAX_VERSION = void 0;
exports.toFieldErrors = toFieldErrors;
exports.parseInput = parseInput;
const zod_1 = require("zod");
const problem_1 = require("../problem");
/** Versions and revisions are PostgreSQL integers. */
exports.MAX_VERSION = 2_147_483_647;
exports.uuidSchema = zod_1.z.uuid({ message: 'must be a UUID' });
exports.limitSchema = zod_1.z.coerce.number().int().min(1).max(100).default(20);
exports.cursorSchema = zod_1.z.string().min(1).max(512).optional();
/** Zod issues → the `errors` list of a problem document, one entry per offending field. */
function toFieldErrors(error, prefix) {
    const out = [];
    for (const issue of error.issues) {
        const path = [...(prefix ? [prefix] : []), ...issue.path.map(String)];
        if (issue.code === 'unrecognized_keys') {
            for (const key of issue.keys)
                out.push({ field: [...path, key].join('.'), message: 'unknown field' });
            continue;
        }
        out.push({ field: path.join('.') || '(body)', message: issue.message });
    }
    return out;
}
/** An error that already knows its problem document; the edge sends it as is. */
class ProblemError extends Error {
    problem;
    constructor(problem) {
        super(problem.detail ?? problem.title);
        this.problem = problem;
        this.name = 'ProblemError';
    }
}
exports.ProblemError = ProblemError;
class InvalidInputError extends ProblemError {
    constructor(errors, detail = 'The request has invalid fields') {
        super((0, problem_1.problem)(400, detail, errors));
        this.name = 'InvalidInputError';
    }
}
exports.InvalidInputError = InvalidInputError;
/** Parses with a schema or throws InvalidInputError listing every offending field. */
function parseInput(schema, value, prefix) {
    const result = schema.safeParse(value);
    if (!result.success)
        throw new InvalidInputError(toFieldErrors(result.error, prefix));
    return result.data;
}
//# sourceMappingURL=schemas.js.map