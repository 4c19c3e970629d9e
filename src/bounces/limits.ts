// The bounds of bounce reading: what a mailbox may hold costs bounded time and memory
// (SECURITY.md, "Bounce messages", states them; test/bounces/hostile.test.ts checks them).

/**
 * What bounce reading reads at most, and how deep it looks.
 *
 * @example bounceLimits.maxMessageBytes // 1048576
 */
export const bounceLimits = {
  /**
   * Bytes of one message read: the rest is not looked at. A report puts its human-readable
   * part and its delivery-status part before the returned message (RFC 6522), so a bounce
   * that returns a large message is still read; only the returned message is cut.
   */
  maxMessageBytes: 1024 * 1024,
  /** Recipients reported per message: further recipient blocks are counted in `omitted`, not read. */
  maxRecipients: 1000,
  /** MIME parts nested in one another (postal-mime's `maxNestingDepth`): deeper, the message reads as no report. */
  maxNesting: 32,
  /** Bytes of headers across all parts (postal-mime's `maxHeadersSize`): more, the message reads as no report. */
  maxHeaderBytes: 256 * 1024,
  /** Characters of one diagnostic kept: a longer one is cut, ending in `…`. */
  maxDiagnosticChars: 2000,
} as const;
