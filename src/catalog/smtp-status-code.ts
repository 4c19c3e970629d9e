/**
 * The members of Aspose.Email's `SmtpStatusCode` enumeration, by name, with their values.
 *
 * An enum-like `as const` object rather than a TypeScript `enum`: it is plain JavaScript
 * (erasable syntax), its type is exact, and bundlers can inline it.
 *
 * @example
 *   SmtpStatusCode.MailboxUnavailable // 550
 */
export const SmtpStatusCode = {
  /** No status code was set. */
  NotDefined: 0,
  /** A failure that produced no SMTP reply, such as a connection that could not be made. */
  GeneralFailure: -1,
  /** 211: system status or system help reply. */
  SystemStatus: 211,
  /** 214: help message meant for a human reader. */
  HelpMessage: 214,
  /** 220: the SMTP service is ready. */
  ServiceReady: 220,
  /** 221: the service is closing the transmission channel. */
  ServiceClosingTransmissionChannel: 221,
  /** 235: authentication succeeded. */
  AuthenticationSucceeded: 235,
  /** 250: the requested action was completed. */
  Ok: 250,
  /** 251: the recipient is not local; the server will forward the message. */
  UserNotLocalWillForward: 251,
  /** 252: the user cannot be verified, but the server will attempt delivery. */
  CannotVerifyUserWillAttemptDelivery: 252,
  /** 334: a base64-encoded authentication challenge. */
  Base64Response: 334,
  /** 354: start mail input; end the message with a line holding only a dot. */
  StartMailInput: 354,
  /** 421: the service is not available and is closing the channel. */
  ServiceNotAvailable: 421,
  /** 432: a password transition is needed. */
  PasswordTransitionNeeded: 432,
  /** 450: the mailbox is unavailable for now (busy or blocked); try again later. */
  MailboxBusy: 450,
  /** 451: the action was aborted by a local error in processing. */
  LocalErrorInProcessing: 451,
  /** 452: the action was not taken because of insufficient system storage. */
  InsufficientStorage: 452,
  /** 454: temporary authentication failure, or TLS is not available for now. */
  ClientNotPermitted: 454,
  /** 500: syntax error, the command was not recognized. */
  CommandUnrecognized: 500,
  /** 501: syntax error in the command's parameters or arguments. */
  SyntaxError: 501,
  /** 502: the command is not implemented. */
  CommandNotImplemented: 502,
  /** 503: bad sequence of commands. */
  CommandNotPermitted: 503,
  /** 504: the command parameter (such as the authentication type) is not implemented. */
  UnrecognizedAuthenticationType: 504,
  /** 530: authentication (or a secure connection) is required. */
  AuthenticationRequired: 530,
  /** 534: the authentication mechanism is too weak (upstream spelling kept). */
  AuthenticationMechanismIsToWeak: 534,
  /** 535: the authentication credentials are invalid. */
  CredentialsInvalid: 535,
  /** 538: encryption is required for the requested authentication mechanism. */
  EncryptionRequiredRequestedMechanism: 538,
  /** 550: the mailbox is unavailable (not found, no access, or rejected by policy). */
  MailboxUnavailable: 550,
  /** 551: the user is not local; try another path. */
  UserNotLocalTryAlternatePath: 551,
  /** 552: the action was aborted because the storage allocation was exceeded. */
  ExceededStorageAllocation: 552,
  /** 553: the mailbox name is not allowed (bad address syntax). */
  MailboxNameNotAllowed: 553,
  /** 554: the transaction failed (or, on connection, no SMTP service here). */
  TransactionFailed: 554,
} as const;

/** The name of a `SmtpStatusCode` member, e.g. `'MailboxUnavailable'`. */
export type SmtpStatusName = keyof typeof SmtpStatusCode;

/** The value of a `SmtpStatusCode` member, e.g. `550`. */
export type SmtpStatusCode = (typeof SmtpStatusCode)[SmtpStatusName];

/** The member names in declaration order. @example smtpStatusNames[0] // 'NotDefined' */
export const smtpStatusNames = Object.keys(SmtpStatusCode) as readonly SmtpStatusName[];
