export interface FieldError {
    field: string;
    message: string;
}
export interface ProblemDetails {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: FieldError[];
    [extension: string]: unknown;
}
export declare const PROBLEM_TYPE_BASE = "https://errors.assistant-platform.dev/";
export declare function problem(status: number, detail?: string, errors?: FieldError[]): ProblemDetails;
export declare function isProblemDetails(value: unknown): value is ProblemDetails;
