// placeholder: replaced by the reasons of issue 22 at merge. The one place bounce reading names
// a reason itself: feedback reports (RFC 5965) and auto-replies (RFC 3834) carry no status code
// for `explain` to give a reason from.

/** The reason of a recipient who reported the message as unwanted (an ARF feedback report). @example feedbackReason.id // 'feedback' */
export const feedbackReason = { id: 'feedback' } as const;

/** The reason of a recipient whose system answered by itself (vacation, out of office). @example vacationReason.id // 'vacation' */
export const vacationReason = { id: 'vacation' } as const;
