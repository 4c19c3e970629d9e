import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli.ts';
import { explain, explainLogLine, SmtpStatusCode } from '../../src/index.ts';
import { enhancedText, localeFile, localeFiles } from '../helpers/locale-files.ts';
import { projectRoot, tempDir } from '../helpers/temp-dir.ts';
import * as timeouts from '../helpers/timeouts.ts';
import { chunks, cli, programWith } from './cli-double.ts';

// The reason column's values, from the rule pages in docs/project/reason-rules: reply-codes.md
// (2xx delivered; 550, 571 without a row: unknown), enhanced-codes.md (X.1.1 user-unknown, X.2.2
// mailbox-full), server-words.md (`timed out`: network-error); `-` where there is no reason.
describe('smtp-status (the README command)', () => {
  it('prints the description in the language asked for', async () => {
    expect(await cli(['550', '--lang', 'fr'])).toEqual({
      code: 0,
      stdout: `unknown\t${localeFile('fr').codes.MailboxUnavailable}\n`,
      stderr: '',
    });
    expect((await cli(['MailboxUnavailable', '--lang', 'ar'])).stdout).toBe(
      `unknown\t${localeFile('ar').codes.MailboxUnavailable}\n`,
    );
    expect((await cli(['571', '-l', 'it'])).stdout).toBe(`unknown\t${localeFile('it').generic?.['5xx']}\n`);
    expect((await cli(['250', '-l', 'sv'])).stdout).toBe(`delivered\t${localeFile('sv').codes.Ok}\n`);
    expect((await cli(['354', '-l', 'de'])).stdout).toBe(`-\t${localeFile('de').codes.StartMailInput}\n`);
  });

  it('takes the language from LC_ALL, LC_MESSAGES, LANG, else English', async () => {
    const mailbox = (lang: string) => `unknown\t${localeFile(lang).codes.MailboxUnavailable}\n`;
    expect((await cli(['550'], { LANG: 'tr_TR.UTF-8' })).stdout).toBe(mailbox('tr'));
    expect((await cli(['550'], { LC_ALL: 'ru_RU.UTF-8', LANG: 'tr_TR.UTF-8' })).stdout).toBe(mailbox('ru'));
    expect((await cli(['550'], { LC_ALL: '', LC_MESSAGES: 'it_IT', LANG: 'tr_TR' })).stdout).toBe(mailbox('it'));
    expect((await cli(['550'], {})).stdout).toBe(mailbox('en'));
  });

  it('prints the explanation as JSON with --json, its reason and advice included', async () => {
    expect(JSON.parse((await cli(['450', '--json', '--lang', 'fr-CA'])).stdout)).toMatchObject({
      code: 450,
      name: 'MailboxBusy',
      lang: 'fr',
      retryable: true,
    });
    const reasons = localeFile('fr').reasons ?? {};
    expect(JSON.parse((await cli(['5.2.2', '--json', '--lang', 'fr'])).stdout).reason).toMatchObject({
      id: 'mailbox-full',
      lang: 'fr',
      text: reasons['mailbox-full']?.why,
      advice: { sender: reasons['mailbox-full']?.sender, admin: reasons['mailbox-full']?.admin },
    });
  });

  it('answers usage errors with exit code 2 and one line naming the problem', async () => {
    for (const [args, message] of [
      [['abc'], /^smtp-status: Not an SMTP status code: "abc" /u],
      [['1000'], /^smtp-status: Not an SMTP status code: 1000 /u],
      [[], /^smtp-status: expected one status code, got 0/u],
      [['550', '551'], /^smtp-status: expected one status code, got 2/u],
      [
        ['550', '--nope'],
        /^smtp-status: Unknown option '--nope'; an argument that starts with '-' goes after '--' \(see smtp-status --help\)\n$/u,
      ],
      [['--lang'], /^smtp-status: Option '-l, --lang <value>' argument missing/u],
      [['list', 'extra'], /^smtp-status: list takes no argument, got "extra"/u],
      [['600 x'], /^smtp-status: Not an SMTP reply: "600 x": reply code 600 is outside 200-599/u],
      [['-7'], /^smtp-status: Not an SMTP status code: -7 /u],
    ] as const) {
      const result = await cli([...args]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('takes an enhanced code alone, a negative code, and the GNU LANGUAGE list before the locale', async () => {
    expect((await cli(['5.1.1', '--lang', 'fr'])).stdout).toBe(`user-unknown\t${enhancedText('fr', '5.1.1')}\n`);
    expect(JSON.parse((await cli(['5.1.1', '--json', '--lang', 'fr'])).stdout)).toMatchObject({
      code: 0,
      kind: 'permanent',
      enhanced: { code: '5.1.1', text: enhancedText('fr', '5.1.1') },
    });
    expect(await cli(['-1', '--lang', 'it'])).toMatchObject({
      code: 0,
      stdout: `-\t${localeFile('it').codes.GeneralFailure}\n`,
    });
    expect((await cli(['--lang', 'de', '-1'])).stdout).toBe(`-\t${localeFile('de').codes.GeneralFailure}\n`);
    const mailbox = (lang: string) => `unknown\t${localeFile(lang).codes.MailboxUnavailable}\n`;
    expect((await cli(['550'], { LANGUAGE: 'fr:en', LANG: 'de_DE.UTF-8' })).stdout).toBe(mailbox('fr'));
    expect((await cli(['550'], { LANGUAGE: 'qaa:sv', LC_ALL: 'it_IT.UTF-8' })).stdout).toBe(mailbox('sv'));
    expect((await cli(['550'], { LANGUAGE: 'qaa', LC_ALL: 'it_IT.UTF-8' })).stdout).toBe(mailbox('it'));
    expect((await cli(['550'], { LANGUAGE: 'fr', LANG: 'C' })).stdout).toBe(mailbox('en'));
    expect((await cli(['550'], { LANGUAGE: 'ru' })).stdout).toBe(mailbox('ru'));
    expect((await cli(['550', '--lang', 'tr'], { LANGUAGE: 'ru' })).stdout).toBe(mailbox('tr'));
  });

  it('has --help and --version', async () => {
    expect(await cli(['--help'])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('smtp-status 550 --lang fr'),
    });
    // The columns of the text output, the reason among them.
    expect((await cli(['--help'])).stdout).toContain('retryable|final,\n               reason and description');
    expect((await cli(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/u);
  });

  it('runs as a process: exit codes and no stack trace', { timeout: timeouts.processes }, async () => {
    const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
    const script = join(projectRoot, 'src', 'cli.ts');
    expect(execFileSync(tsx, [script, '550', '--lang', 'fr'], { encoding: 'utf8' })).toBe(
      `unknown\t${localeFile('fr').codes.MailboxUnavailable}\n`,
    );
    const bad = spawnSync(tsx, [script, 'nope'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\n\s+at /u);
  });
});

describe('smtp-status list', () => {
  const members = Object.keys(SmtpStatusCode);

  it('prints every member as an aligned table: value, name, description (Arabic intact, last)', async () => {
    for (const lang of ['ru', 'ar', 'en']) {
      const { code, stdout, stderr } = await cli(['list', '--lang', lang]);
      expect([code, stderr]).toEqual([0, '']);
      const rows = stdout.trimEnd().split('\n');
      expect(rows).toHaveLength(members.length);
      const descriptionColumn = new Set<number>();
      rows.forEach((row, index) => {
        const name = members[index] ?? '';
        const value = String(SmtpStatusCode[name as keyof typeof SmtpStatusCode]);
        const description = localeFile(lang).codes[name as keyof typeof SmtpStatusCode] ?? '';
        expect(row.endsWith(`  ${description}`), row).toBe(true);
        expect(row.slice(0, 3).trim()).toBe(value);
        expect(row.slice(5).startsWith(`${name} `)).toBe(true);
        descriptionColumn.add(row.length - description.length);
      });
      expect(descriptionColumn.size).toBe(1);
    }
  });

  it('prints a JSON array of explanations with --json', async () => {
    const rows = JSON.parse((await cli(['list', '--json', '--lang', 'fr-CA'])).stdout);
    expect(rows).toEqual(members.map((name) => explain(name as keyof typeof SmtpStatusCode, 'fr')));
  });

  it('colours only on a terminal, and never with NO_COLOR or TERM=dumb', async () => {
    const tty = { write: () => true, isTTY: true };
    const colored = async (env: NodeJS.ProcessEnv, isTTY: boolean) => {
      const out: string[] = [];
      await run(['list'], { env, stdout: { write: (text: string) => out.push(text), isTTY }, stderr: tty });
      return out.join('').includes('\u001B[');
    };
    expect(await colored({}, true)).toBe(true);
    expect(await colored({}, false)).toBe(false);
    expect(await colored({ NO_COLOR: '1' }, true)).toBe(false);
    expect(await colored({ TERM: 'dumb' }, true)).toBe(false);
    expect(await colored({ NO_COLOR: '' }, true)).toBe(true);
  });
});

describe('smtp-status in trouble', () => {
  it('warns on stderr when --lang names no shipped language, and still answers in English', async () => {
    const result = await cli(['550', '--lang', 'qaa-BR']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`unknown\t${localeFile('en').codes.MailboxUnavailable}\n`);
    const available = localeFiles.map((locale) => locale.lang).sort();
    expect(result.stderr).toBe(`smtp-status: no locale for "qaa-BR"; using en (available: ${available.join(', ')})\n`);
    expect((await cli(['550', '--lang', 'fr_CA.UTF-8'])).stderr).toBe('');
    expect((await cli(['550'], { LANG: 'C' })).stderr).toBe('');
  });

  it('answers a failing output with exit code 1 and one line, no stack trace', async () => {
    const broken = {
      write: () => {
        throw new Error('disk full');
      },
    };
    expect(await cli(['550'], {}, { stdout: broken })).toEqual({
      code: 1,
      stdout: '',
      stderr: 'smtp-status: internal error: disk full\n',
    });
  });
});

describe('smtp-status explain', () => {
  const fr = localeFile('fr');

  it('explains one reply, given as one argument or as several words', async () => {
    const expected = `user-unknown\t${enhancedText('fr', '5.1.1')}\n`;
    expect(await cli(['explain', '550 5.1.1 User unknown', '--lang', 'fr'])).toEqual({
      code: 0,
      stdout: expected,
      stderr: '',
    });
    expect((await cli(['explain', '550', '5.1.1', 'User', 'unknown', '-l', 'fr'])).stdout).toBe(expected);
    const json = JSON.parse((await cli(['explain', '452 4.2.2 Mailbox full', '--json', '--lang', 'ar'])).stdout);
    expect(json).toEqual(explain('452 4.2.2 Mailbox full', 'ar'));
  });

  it('answers a reply it cannot read with exit code 2, naming it', async () => {
    const result = await cli(['explain', 'hello world']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'smtp-status: Not an SMTP reply or a mail log line with one: "hello world" (see smtp-status --help)\n',
    );
    expect((await cli(['explain'])).code).toBe(2);
  });

  it('reads stdin: one result per line, an empty line for what is not a reply (counted on stderr) or is empty (not counted)', async () => {
    const stdin = chunks('550 5.1.1 User unk', 'nown\r\nnot a reply\n250 OK\n\n452 4.2.2 Full');
    const result = await cli(['explain', '--lang', 'fr'], {}, { stdin });
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      `user-unknown\t${enhancedText('fr', '5.1.1')}`,
      '',
      `delivered\t${fr.codes.Ok}`,
      '',
      `mailbox-full\t${enhancedText('fr', '4.2.2')}`,
      '',
    ]);
    expect(result.stderr).toBe('smtp-status: 1 of 5 lines had no SMTP reply or status code (first: line 2)\n');
  });

  it('streams JSON lines with --json, and survives invalid UTF-8, split characters and over-long lines', async () => {
    const arabicReply = new TextEncoder().encode('550 5.7.1 مرفوض\n');
    const stdin = chunks(
      arabicReply.slice(0, 13),
      arabicReply.slice(13),
      new Uint8Array([0xff, 0xfe, 0x0a]),
      `550 ${'x'.repeat(200_000)}`,
      '\n221 2.0.0 Bye\n',
    );
    const result = await cli(['explain', '--json', '--lang', 'ar'], {}, { stdin });
    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toEqual({ ...explain('550 5.7.1 مرفوض', 'ar'), line: 1 });
    expect(lines[1]).toEqual({ error: 'no SMTP reply or status code', line: 2 });
    expect(lines[2]).toEqual({ error: 'longer than 65536 characters', line: 3 });
    expect(lines[3]).toMatchObject({ code: 221, enhanced: { code: '2.0.0' } });
    // Each kind of line skipped is counted on its own, each line once.
    expect(result.stderr).toBe(
      'smtp-status: 1 of 4 lines had no SMTP reply or status code (first: line 2)\n' +
        'smtp-status: 1 of 4 lines were longer than 65536 characters and skipped (first: line 3)\n',
    );
  });

  it('--json lines are byte for byte JSON.stringify(explain(reply)), also when codes repeat with other texts', async () => {
    const replies = [
      '550 5.1.1 first text',
      '550 5.1.1 second "quoted" text',
      '550-5.1.1 two\r\n550 5.1.1 lines',
      '550 no enhanced code',
      '452 4.2.2 full',
      '550 5.7.606 Banned',
      '250 OK',
    ];
    const stdin = chunks(`${replies.join('\n')}\n`.replace('\r\n550 5.1.1 lines', ' lines'));
    const result = await cli(['explain', '--json', '--lang', 'ru'], {}, { stdin });
    const expected = replies.map((reply) => reply.replace('\r\n550 5.1.1 lines', ' lines'));
    expect(result.stdout).toBe(
      expected.map((reply, index) => `${JSON.stringify({ ...explain(reply, 'ru'), line: index + 1 })}\n`).join(''),
    );
  });

  it('runs as a process over a pipe, and exits quietly when the reader goes away', {
    timeout: timeouts.processes,
  }, () => {
    const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
    const script = join(projectRoot, 'src', 'cli.ts');
    const piped = spawnSync(tsx, [script, 'explain', '--lang', 'fr'], {
      input: '550 5.1.1 User unknown\n452 4.2.2 Full\n',
      encoding: 'utf8',
    });
    expect([piped.status, piped.stdout, piped.stderr]).toEqual([
      0,
      `user-unknown\t${enhancedText('fr', '5.1.1')}\nmailbox-full\t${enhancedText('fr', '4.2.2')}\n`,
      '',
    ]);
    const log = join(tempDir(), 'replies.log');
    writeFileSync(log, '550 5.1.1 User unknown\n'.repeat(300_000));
    const head = spawnSync(
      'bash',
      ['-c', `"${tsx}" "${script}" explain < "${log}" | head -n 1; echo "exit \${PIPESTATUS[0]}"`],
      {
        encoding: 'utf8',
      },
    );
    expect([head.stdout, head.stderr]).toEqual([`user-unknown\t${enhancedText('en', '5.1.1')}\nexit 0\n`, '']);
  });
});

// Every test here runs the CLI as a process.
describe('smtp-status under garbage', { timeout: timeouts.processes }, () => {
  const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
  const script = join(projectRoot, 'src', 'cli.ts');
  // A heap far smaller than the input: holding the input in memory would crash the process.
  const smallHeap = `node --max-old-space-size=48 --import tsx "${script}"`;

  it('100 MB of stdin without a newline: one unreadable line, in bounded memory, exit 0', () => {
    const result = spawnSync(
      'bash',
      ['-c', `head -c 100000000 /dev/zero | tr '\\0' a | ${smallHeap} explain --lang fr; echo "exit $?"`],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(result.stdout).toBe('\nexit 0\n');
    expect(result.stderr).toBe(
      'smtp-status: 1 of 1 lines were longer than 65536 characters and skipped (first: line 1)\n',
    );
  });

  it('binary stdin and 1 MB lines: one answer per line, no stack trace, exit 0', () => {
    const log = join(tempDir(), 'garbage.log');
    const binary = Buffer.from(Array.from({ length: 300_000 }, (_, i) => (i * 7919 + 13) % 256));
    const longReply = `550 5.1.1 ${'z'.repeat(1 << 20)}\n`;
    writeFileSync(log, Buffer.concat([binary, Buffer.from(`\n${longReply}550 5.1.1 User unknown\n`)]));
    const lines = binary.toString('latin1').split('\n').length + 2;
    const result = spawnSync('bash', ['-c', `${smallHeap} explain --lang fr < "${log}"; echo "exit $?"`], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    const out = result.stdout.split('\n');
    expect(out.at(-2)).toBe('exit 0');
    expect(out).toHaveLength(lines + 2);
    expect(out.at(-3)).toBe(`user-unknown\t${enhancedText('fr', '5.1.1')}`);
    expect(out.at(-4)).toBe('');
    expect(result.stderr).toMatch(
      new RegExp(
        `^smtp-status: \\d+ of ${lines} lines had no SMTP reply or status code \\(first: line 1\\)\\n` +
          `smtp-status: 1 of ${lines} lines were longer than 65536 characters and skipped \\(first: line ${lines - 1}\\)\\n$`,
        'u',
      ),
    );
  });

  it('SIGINT stops a stream with exit code 130 and no stack trace', async () => {
    const child = spawn(tsx, [script, 'explain'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdin.write('550 5.1.1 User unknown\n');
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.on('exit', (status, signal) => resolve(status ?? signal)));
    expect(code).toBe(130);
    expect(stderr).toBe('');
  });
});

describe('smtp-status: one sentence per input, as the library says it', () => {
  // Lines written from Postfix's documented log format (bounced with a quoted reply; deferred with
  // only a dsn= and the log's own words).
  const bounced =
    'Jun 17 10:22:33 mail postfix/smtp[12345]: 4F1A2B3C4D: to=<ann@acme.example>, relay=mx.acme.example[192.0.2.1]:25, delay=0.45, dsn=5.1.1, status=bounced (host mx.acme.example[192.0.2.1] said: 550 5.1.1 <ann@acme.example>: Recipient address rejected: User unknown (in reply to RCPT TO command))';
  const deferred =
    'Jun 17 10:23:01 mail postfix/smtp[12346]: 4F1A2B3C4E: to=<bob@example.org>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.example.org[203.0.113.5]:25: Connection timed out)';

  it.each(['en', 'fr', 'ar', 'zh'])(
    'explain "<log line>" (argument and stdin) says what explainLogLine(line).text says, the enhanced code read from the locale (%s)',
    async (lang) => {
      for (const [line, enhanced, reason, recipient, kind] of [
        [bounced, '5.1.1', 'user-unknown', 'ann@acme.example', 'permanent\tfinal'],
        [deferred, '4.4.1', 'network-error', 'bob@example.org', 'transient\tretryable'],
      ] as const) {
        const argument = await cli(['explain', line, '--lang', lang]);
        expect(argument).toEqual({ code: 0, stdout: `${reason}\t${enhancedText(lang, enhanced)}\n`, stderr: '' });
        expect(argument.stdout).toBe(
          `${explainLogLine(line, lang)?.reason?.id}\t${explainLogLine(line, lang)?.text}\n`,
        );
        const json = JSON.parse((await cli(['explain', line, '--json', '--lang', lang])).stdout);
        expect(json).toEqual(explainLogLine(line, lang));
        expect(json.reason.id).toBe(reason);
        const streamed = await cli(['explain', '--lang', lang], {}, { stdin: chunks(`${line}\n`) });
        const code = line === bounced ? '550' : '-';
        expect(streamed.stdout).toBe(
          `${recipient}\t${code}\t${enhanced}\t${kind}\t${reason}\t${enhancedText(lang, enhanced)}\n`,
        );
      }
    },
  );
});

describe('smtp-status with a faulty catalog (an internal fault, not the user’s)', () => {
  const faulty = programWith(() => () => {
    throw new Error('catalog broke');
  });

  it.each([[['550']], [['5.1.1', '--json']], [['explain', '550 5.1.1 User unknown']], [['list', '--json']]])(
    '%j exits 1 with "internal error", never a usage error',
    async (args) => {
      expect(await cli(args, {}, {}, faulty)).toEqual({
        code: 1,
        stdout: '',
        stderr: 'smtp-status: internal error: catalog broke\n',
      });
    },
  );

  it('a stream that meets the fault exits 1 too; a usage error stays a usage error', async () => {
    const streamed = await cli(['explain'], {}, { stdin: chunks('550 5.1.1 User unknown\n') }, faulty);
    expect([streamed.code, streamed.stderr]).toEqual([1, 'smtp-status: internal error: catalog broke\n']);
    const usage = await cli(['abc'], {}, {}, faulty);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^smtp-status: Not an SMTP status code: "abc" .*\(see smtp-status --help\)\n$/u);
  });
});

describe('smtp-status explain stdin: nothing kept is reused for a different answer', () => {
  // A catalog whose answer reads the server's words (as a reason classifier will): two lines
  // with the same codes but other words must get their own answers.
  const wordy = programWith((explain) => (input, lang) => {
    const answer = explain(input, lang);
    const full = /full/u.test(answer.reply?.text ?? '');
    return full ? { ...answer, text: `${answer.text} (full)`, retryable: false } : answer;
  });
  const postfix = (reply: string) =>
    `Jun 17 10:23:09 mail postfix/smtp[1]: 4F1A: to=<c@example.com>, relay=mx.example.com[198.51.100.9]:25, dsn=4.2.2, status=deferred (host mx.example.com[198.51.100.9] said: ${reply} (in reply to RCPT TO command))`;
  const lines = [
    '452 4.2.2 Mailbox full',
    '452 4.2.2 Try later',
    postfix('452 4.2.2 Mailbox full'),
    postfix('452 4.2.2 Later'),
  ];

  it('in text and in JSON, each line gets its own answer', async () => {
    const input = `${[...lines, ...lines].join('\n')}\n`;
    const expected = lines.map((line) =>
      wordy.catalog.explain(
        line.startsWith('452') ? line : line.slice(line.indexOf('452'), line.indexOf(' (in reply')),
        'de',
      ),
    );
    const text = await cli(['explain', '--lang', 'de'], {}, { stdin: chunks(input) }, wordy);
    const rows = text.stdout.trimEnd().split('\n');
    expect(rows.map((row) => row.split('\t').at(-1))).toEqual([...expected, ...expected].map((answer) => answer.text));
    expect(rows.map((row) => row.split('\t')[4])).toEqual(
      ['', '', 'final', 'retryable', '', '', 'final', 'retryable'].map((value) => (value === '' ? undefined : value)),
    );
    const json = await cli(['explain', '--json', '--lang', 'de'], {}, { stdin: chunks(input) }, wordy);
    const objects = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects.map(({ text, retryable }) => [text, retryable])).toEqual(
      [...expected, ...expected].map(({ text, retryable }) => [text, retryable]),
    );
    expect(objects[0].text).toMatch(/ \(full\)$/u);
    expect(objects[1].text).not.toMatch(/ \(full\)$/u);
  });

  it('a reason read from the words gets its own column, though codes and text are the same', async () => {
    // Same codes, same text; only the reason differs (as the server's words can make it).
    const reasoned = programWith((explain) => (input, lang) => {
      const answer = explain(input, lang);
      const later = /later/iu.test(answer.reply?.text ?? '');
      return later && answer.reason ? { ...answer, reason: { ...answer.reason, id: 'rate-limited' } } : answer;
    });
    const input = `${[...lines, ...lines].join('\n')}\n`;
    const text = await cli(['explain', '--lang', 'de'], {}, { stdin: chunks(input) }, reasoned);
    const rows = text.stdout.trimEnd().split('\n');
    const reasons = ['mailbox-full', 'rate-limited', 'mailbox-full', 'rate-limited'];
    // A reply alone: reason first; a log line: the sixth column.
    expect(rows.map((row) => row.split('\t').at(-2))).toEqual([...reasons, ...reasons]);
    const texts = new Set(rows.map((row) => row.split('\t').at(-1)));
    expect(texts.size).toBe(1);
    // JSON too: a kept writing is reused only for an equal reason (advice compared by value).
    const json = await cli(['explain', '--json', '--lang', 'de'], {}, { stdin: chunks(input) }, reasoned);
    const objects = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects.map((object) => object.reason.id)).toEqual([...reasons, ...reasons]);
    expect(objects[2].reason).toEqual(reasoned.catalog.explain('452 4.2.2 Mailbox full', 'de').reason);
  });
});
