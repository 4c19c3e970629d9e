// What is kept past a call (a memo's key, the texts of an answer kept with it) must not keep
// alive the larger text it was cut from.

/**
 * A copy of a text that holds nothing of the string it was cut from: V8 keeps a slice's whole
 * parent alive, and what a memo or a stream keeps outlives it. (The join makes a new string,
 * which `slice` flattens into a copy of this text alone.)
 *
 * @example detached(log.slice(120, 180)) // the same 60 characters, without `log` behind them
 */
export const detached = (text: string): string => ` ${text}`.slice(1);
