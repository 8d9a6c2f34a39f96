// The scenario catalog, parameter helpers and thread-state names as the views see them (views may not
// import scenarios or protocol runtime).
export { MODELS, PRESETS, modelInfo, findPreset, type ModelInfo } from '../scenarios/catalog';
export { acceptedOf, unitOf, displayValue, type ParamSpec } from '../scenarios/paramSpec';
export type { Preset } from '../scenarios/preset';
export { KERNEL_CHANGES, KERNEL_VERSIONS, type KernelChange, type KernelVersion } from '../scenarios/kernels';
export { THREAD_STATES, type ThreadStateName } from '../protocol/messages';
