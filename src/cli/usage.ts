// What `smtp-status --help` prints. Options are parsed from the table in options.ts.

/** The help text: commands, options, examples, exit status. @example process.stdout.write(usage) */
export const usage = `Usage: smtp-status <code> [--lang TAG] [--json]
       smtp-status explain [<reply>] [--lang TAG] [--json]
       smtp-status list [--lang TAG] [--json]
       smtp-status bounce [<file>|<maildir>...] [--lang TAG] [--json]
       smtp-status serve [--port N] [--host H] [--headers-timeout MS]
                         [--request-timeout MS] [--keep-alive-timeout MS]
                         [--max-connections N]

  <code>       an SMTP reply code (200-599), a SmtpStatusCode name or value
               (-1 too), or an enhanced status code (5.1.1): its reason and
               description, tab-separated
  explain      what a server's reply, or a mail log line quoting one, means
               ("550 5.1.1 User unknown"): its reason and description,
               tab-separated; without <reply>, one per line of stdin (a mail
               log: Postfix, Exim, Sendmail, Exchange), one result per line
               out: for a reply alone its reason and description; for a log
               line recipient, code, enhanced code, kind, retryable|final,
               reason and description, tab-separated; an empty line for a
               line with nothing to explain (with --json, an error object, and
               nothing for an empty or blank line)
               A reason is an id (user-unknown, mailbox-full, blocked...; the
               list: GET /v1/reasons of serve); - where there is none, and for
               what a log line lacks
  list         every SmtpStatusCode member: value, name and description
  bounce       the delivery reports (bounces) in a message file, an mbox or a
               maildir folder (stdin without one): a line per recipient with
               recipient, code, enhanced code, kind, reason and text
  serve        the HTTP API and catalog page, on 127.0.0.1:8025 unless told
               otherwise; prints the URL first; Ctrl-C or SIGTERM stops it
  --port N     (serve) the port, 0 for any free one (default 8025)
  --host H     (serve) the address to listen on (default 127.0.0.1)
  --headers-timeout MS, --request-timeout MS, --keep-alive-timeout MS
               (serve) how long a client may take to send its headers
               (default 10000), its whole request (30000), or stay idle (5000)
  --max-connections N  (serve) connections open at once (default 512)
  --lang TAG   the language (default: LANGUAGE, LC_ALL, LC_MESSAGES or LANG,
               else en)
  --json       print JSON: the explanation (its reason and advice too), or an
               array of them for list
  --help       show this help
  --version    show the version

Control and bidirectional characters never reach the terminal: U+FFFD in
text, escaped (\\u009b) in JSON and in messages.

Examples:
  smtp-status 550 --lang fr
  smtp-status MailboxUnavailable --lang ar
  smtp-status 571 --lang it --json
  smtp-status explain "550 5.1.1 User unknown" --lang fr
  smtp-status explain --lang fr --json < replies.log
  smtp-status explain --lang de < /var/log/mail.log
  smtp-status 5.1.1 --lang es
  smtp-status list --lang ru

Exit status: 0 done, 2 usage error, 1 internal error (bounce: no message was a
report; serve: cannot listen), 130 interrupted.
`;
