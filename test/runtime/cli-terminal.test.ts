// What reaches the terminal: no character a terminal interprets gets out raw in any output mode
// (issue 25), and empty lines in `explain`'s input cost no output in JSON mode.
import { describe, expect, it } from 'vitest';
import { localeFile } from '../helpers/locale-files.ts';
import { type CliRun, chunks, cli, programWith } from './cli-double.ts';

// Each class of character a terminal interprets, as ECMA-48 and Unicode's bidi algorithm name them.
const classes: Record<string, string[]> = {
  'C0 controls (ESC, BEL, CR, BS, VT, NUL)': ['\u001B', '\u0007', '\r', '\b', '\u000B', '\u0000'],
  DEL: ['\u007F'],
  'C1 controls (CSI, OSC, NEL, ST)': ['\u009B', '\u009D', '\u0085', '\u009C'],
  'bidi controls (LRE…RLO, LRI…PDI, LRM, RLM, ALM)': [
    ...'\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C',
  ],
};

/** Fails when any of `chars` is in `output` as it is. */
function expectNoneRaw(output: string, chars: readonly string[]) {
  for (const char of chars) {
    const name = `U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
    expect(output.includes(char), `${name} reached the terminal`).toBe(false);
  }
}

const everything = ({ stdout, stderr }: CliRun) => stdout + stderr;

describe.each(Object.entries(classes))('%s', (_, chars) => {
  // The characters between printable ones, as an escape sequence would hold them.
  const fed = `[${chars.join('2J')}]`;
  it('never reach stderr from a value the user typed: a code, a reply, an option, a language', async () => {
    for (const args of [[`55${fed}0`], ['explain', `hello ${fed}`], [`--x${fed}`], ['list', fed]]) {
      const result = await cli(args);
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n')).toHaveLength(2);
      expectNoneRaw(everything(result), chars);
    }
    const warned = await cli(['550', '--lang', `x${fed}`]);
    expect(warned.stderr).toMatch(/^smtp-status: no locale for /u);
    expectNoneRaw(everything(warned), chars);
  });

  it('never reach stdout from a reply argument, in text or JSON (which reads back to the same text)', async () => {
    const reply = `550 5.1.1 User ${fed} unknown`;
    const text = await cli(['explain', reply]);
    expect(text.code).toBe(0);
    expectNoneRaw(everything(text), chars);
    const json = await cli(['explain', reply, '--json']);
    expectNoneRaw(everything(json), chars);
    expect(JSON.parse(json.stdout).reply.text).toBe(`User ${fed} unknown`);
  });

  it('never reach stdout from stdin, in text (recipient) or JSON (reply, recipient, detail)', async () => {
    const lines = [
      `550 5.1.1 Rejected ${fed}`,
      `Jun 17 10:22:33 mail postfix/smtp[1]: 4F1A: to=<a${fed}@b.example>, relay=none, delay=30, dsn=4.4.1, status=deferred (connect ${fed} timed out)`,
    ];
    const text = await cli(['explain'], {}, { stdin: chunks(`${lines.join('\n')}\n`) });
    expectNoneRaw(everything(text), chars);
    const rows = text.stdout.trimEnd().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.split('\t')).toHaveLength(7);
    const json = await cli(['explain', '--json'], {}, { stdin: chunks(`${lines.join('\n')}\n`) });
    expectNoneRaw(everything(json), chars);
    const [first, second] = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(first.reply.text).toBe(`Rejected ${fed}`);
    expect([second.recipient, second.detail]).toEqual([`a${fed}@b.example`, `connect ${fed} timed out`]);
  });

  it('never reach stdout from a catalog text: code, explain and list, text and JSON', async () => {
    // A catalog that lets them through (registerLocale refuses most; a program may bring any).
    const leaky = programWith((explain) => (input, lang) => ({ ...explain(input, lang), text: `said ${fed}` }));
    for (const args of [['550'], ['explain', '550 5.1.1 x'], ['list']]) {
      for (const json of [false, true]) {
        const result = await cli(json ? [...args, '--json'] : args, {}, {}, leaky);
        expect(result.code).toBe(0);
        expectNoneRaw(everything(result), chars);
        if (json) expect([JSON.parse(result.stdout)].flat()[0].text).toBe(`said ${fed}`);
      }
    }
    const streamed = await cli(['explain'], {}, { stdin: chunks('550 5.1.1 x\n') }, leaky);
    expectNoneRaw(everything(streamed), chars);
  });
});

describe('tab and line feed where they are not the output’s own', () => {
  it('a recipient holding a tab keeps the seven columns; a reply argument holding a line feed gives one line', async () => {
    const line =
      'Jun 17 10:22:33 mail postfix/smtp[1]: 4F1A: to=<a\tb@c.example>, relay=none, delay=30, dsn=4.4.1, status=deferred (timed out)';
    const result = await cli(['explain'], {}, { stdin: chunks(`${line}\n`) });
    expect(result.stdout.split('\t')).toHaveLength(7);
    expect(result.stdout.split('\t')[0]).toBe('a\uFFFDb@c.example');
    const json = await cli(['explain', '550-5.1.1 User\n550 5.1.1 unknown', '--json']);
    expect(json.stdout.split('\n')).toHaveLength(2);
    expect(JSON.parse(json.stdout).reply.lines).toEqual(['5.1.1 User', '5.1.1 unknown']);
  });

  it('a text holding a tab or a line feed keeps the reason and the text two columns of one line', async () => {
    const tabbed = programWith((explain) => (input, lang) => ({ ...explain(input, lang), text: 'a\tb\nc' }));
    for (const [args, stdin] of [
      [['550'], undefined],
      [['explain', '550 5.1.1 x'], undefined],
      [['explain'], chunks('550 5.1.1 x\n')],
    ] as const) {
      const result = await cli([...args], {}, stdin === undefined ? {} : { stdin }, tabbed);
      expect(result.stdout, args.join(' ')).toMatch(/^[a-z-]+\ta\uFFFDb\uFFFDc\n$/u);
    }
  });
});

describe('empty lines in explain input', () => {
  it('1 MB of newlines: no JSON output at all, one empty line each in text, nothing counted', async () => {
    const newlines = '\n'.repeat(1 << 20);
    const json = await cli(['explain', '--json'], {}, { stdin: chunks(newlines) });
    expect(json).toEqual({ code: 0, stdout: '', stderr: '' });
    const text = await cli(['explain'], {}, { stdin: chunks(newlines) });
    expect(text).toEqual({ code: 0, stdout: newlines, stderr: '' });
  });

  it('blank lines (spaces, tabs, CRLF) are skipped in JSON; the lines around keep their numbers', async () => {
    const stdin = chunks(' \r\n\t\n550 5.1.1 x\n\n\nnot a reply\n');
    const json = await cli(['explain', '--json', '--lang', 'fr'], {}, { stdin });
    const objects = json.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(objects.map((object) => [object.line, object.code ?? object.error])).toEqual([
      [3, 550],
      [6, 'no SMTP reply or status code'],
    ]);
    expect(json.stderr).toBe('smtp-status: 1 of 6 lines had no SMTP reply or status code (first: line 6)\n');
    expect(objects[0]?.name).toBe('MailboxUnavailable');
    expect(localeFile('fr').codes.MailboxUnavailable).toBeDefined();
  });
});
