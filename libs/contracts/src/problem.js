"use strict";
// RFC 9457 problem details: the one error shape that crosses the bus and reaches HTTP clients unchanged.
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROBLEM_TYPE_BASE = void 0;
exports.problem = problem;
exports.isProblemDetails = isProblemDetails;
exports.PROBLEM_TYPE_BASE = 'https://errors.assistant-platform.dev/';
const TITLES = {
    400: ['validation', 'Invalid request'],
    401: ['unauthorized', 'Unauthorized'],
    403: ['forbidden', 'Forbidden'],
    404: ['not-found', 'Not found'],
    409: ['conflict', 'Conflict'],
    412: ['precondition-failed', 'Precondition failed'],
    413: ['payload-too-large', 'Payload too large'],
    415: ['unsupported-media-type', 'Unsupported media type'],
    422: ['unprocessable', 'Unprocessable request'],
    429: ['rate-limited', 'Too many requests'],
    500: ['internal', 'Internal error'],
    503: ['unavailable', 'Service unavailable'],
    504: ['timeout', 'Service timeout'],
};
function problem(status, detail, errors) {
    const [slug, title] = TITLES[status] ?? ['error', 'Error'];
    return {
        type: exports.PROBLEM_TYPE_BASE + slug,
        title,
        status,
        ...(detail !== undefined ? { detail } : {}),
        ...(errors && errors.length ? { errors } : {}),
    };
}
function isProblemDetails(value) {
    return (typeof value === 'object' &&
        value !== null &&
        typeof value.status === 'number' &&
        typeof value.title === 'string');
}
//# sourceMappingURL=problem.js.map