export { type CompileOutcome, compileLearner } from './compile.ts';
export { DEFAULT_LIMITS } from './limits.ts';
export { createSandbox, Sandbox } from './sandbox.ts';
export {
  type ArrayDType,
  ArrayValue,
  type CallOptions,
  type CallResult,
  type CreateResult,
  type FailureStatus,
  GuestHandle,
  type GuestRecord,
  type GuestValue,
  type PlainArray,
  type SandboxApi,
  type SandboxArg,
  type SandboxExport,
  type SandboxFailure,
  type SandboxLimits,
  type SandboxOptions,
  type SourceLanguage,
} from './types.ts';
