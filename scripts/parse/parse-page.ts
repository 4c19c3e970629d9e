import matter from 'gray-matter';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { BuildProblem } from '../build-problem.ts';

/** A docs page split into its front matter and its markdown tree, with line numbers of the file. */
export interface Page {
  file: string;
  /** The front matter as YAML gave it (validated later). */
  data: Record<string, unknown>;
  tree: Root;
  /** Lines before the body: add to a tree node's line to get the file's line. */
  bodyLine: number;
  /** The raw front matter lines; the first is the file's line 2. */
  frontMatterLines: readonly string[];
}

const markdown = unified().use(remarkParse).use(remarkGfm).freeze();

function refuseEngine(name: string): () => never {
  return () => {
    throw new Error(`front matter in ${name} is not accepted: only YAML is`);
  };
}

// gray-matter evaluates `---js` front matter with eval() by default: only YAML may run here.
const matterOptions = {
  language: 'yaml',
  engines: {
    js: refuseEngine('js'),
    javascript: refuseEngine('javascript'),
    coffee: refuseEngine('coffee'),
    coffeescript: refuseEngine('coffeescript'),
    json: refuseEngine('json'),
    toml: refuseEngine('toml'),
  },
};

interface YamlMark {
  line?: number;
}

function problem(file: string, line: number, message: string): BuildProblem {
  return { file, line, message };
}

/**
 * What a docs page may hold. Real pages are a few KB with tables of under 100 rows; these bounds
 * are far above that and keep the markdown parser (superlinear on deep nesting) within bounded
 * time and memory on hostile input.
 */
export const pageLimits = {
  /** Characters in a page. */
  size: 256 * 1024,
  /** Characters in a line. */
  lineLength: 4000,
  /** Table rows (lines starting with `|`) in a page. */
  tableRows: 2000,
  /** Characters of indentation, `>` and list markers that open a line (its nesting). */
  nesting: 64,
};

const containerPrefix = /^[ \t>*+\-\d.)]*/u;

/** The first limit a page breaks, as a problem at its line; `undefined` for a page within bounds. */
function checkLimits(file: string, text: string): BuildProblem | undefined {
  if (text.length > pageLimits.size) {
    const size = `${(text.length / 1024 / 1024).toFixed(1)} MB`;
    return problem(file, 1, `the page is too large (${size}); a docs page may hold at most 256 KiB`);
  }
  let rows = 0;
  for (const [index, line] of text.split('\n').entries()) {
    if (line.length > pageLimits.lineLength) {
      return problem(file, index + 1, `line of ${line.length} characters; a docs page line may hold at most 4000`);
    }
    if ((containerPrefix.exec(line)?.[0].length ?? 0) > pageLimits.nesting) {
      return problem(file, index + 1, 'nested too deeply: more than 64 characters of indentation, `>` or list markers');
    }
    if (line.trimStart().startsWith('|') && ++rows > pageLimits.tableRows) {
      return problem(file, index + 1, 'more than 2000 table rows in one page');
    }
  }
  return undefined;
}

/**
 * Splits a page into front matter and a GFM tree; a page that cannot be read this way
 * yields a problem instead.
 *
 * @example parsePage('docs/upstream/fr.md', text)
 */
export function parsePage(file: string, text: string): Page | BuildProblem {
  if (text.includes('\u0000')) {
    return problem(file, 1, 'not a text page (it holds NUL bytes)');
  }
  const beyond = checkLimits(file, text);
  if (beyond !== undefined) return beyond;
  const source = text.replace(/^\uFEFF/, '');
  const opening = /^---([^\r\n]*)\r?\n/.exec(source);
  if (!opening) {
    return problem(file, 1, 'missing front matter: the page must start with a `---` line');
  }
  const language = opening[1]?.trim() ?? '';
  if (language !== '' && language !== 'yaml') {
    return problem(file, 1, `front matter in ${language} is not accepted: only YAML is`);
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    parsed = matter(source, matterOptions);
  } catch (error) {
    const mark = (error as { mark?: YamlMark }).mark;
    const reason = (error as { reason?: string }).reason ?? (error as Error).message;
    // js-yaml counts from 0, and gray-matter hands it the front matter from the end of the `---` line.
    return problem(file, (mark?.line ?? 0) + 1, `broken front matter: ${reason}`);
  }
  if (!source.endsWith(parsed.content)) {
    return problem(file, 1, 'missing front matter: no closing `---` line');
  }
  const head = source.slice(0, source.length - parsed.content.length);
  const bodyLine = head.split('\n').length - 1;
  const data = parsed.data as unknown;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return problem(file, 2, 'broken front matter: it must be a YAML mapping');
  }
  return {
    file,
    data: data as Record<string, unknown>,
    tree: markdown.parse(parsed.content),
    bodyLine,
    frontMatterLines: head.split(/\r?\n/u).slice(1),
  };
}
