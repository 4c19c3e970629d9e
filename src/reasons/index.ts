// The reasons room: one matcher over the rules of docs/project/reason-rules/ (data, built into
// src/internal/reason-rules.ts), and the fixed set of reason ids.
export { classifyReason, type ReasonInput, type ReasonMatch, type ReasonSource } from './classify-reason.js';
export { isReasonId, type ReasonId, reasonIds } from './reason-ids.js';
