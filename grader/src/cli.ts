import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fillParams, listAssessmentIds, listQuestionIds } from '@gradlab/content';
import { type CheckProblem, checkExercises, formatCheckReport } from './check.ts';
import { createGraderPool } from './process-pool.ts';
import { keyResponse } from './questions/answers.ts';
import { checkAssessmentReport, formatAssessmentReport } from './questions/check-assessment.ts';
import { checkQuestionReport, formatQuestionReport } from './questions/check-question.ts';
import { loadQuestion, makeVariant } from './questions/load-question.ts';
import { formatReport, toGradescope } from './report.ts';
import { ScaffoldError, scaffoldExercise } from './scaffold.ts';

const usage = `usage:
  gradlab grade <exercise-id> <file> [--json] [--public-only] [--format text|json|gradescope] [--output <file>]
  gradlab check [<exercise-or-question-id>...]
  gradlab new <exercise-id> [--lecture <slug>]
  gradlab question <question-id> [--seed <n>] [--json]
  gradlab worker [--concurrency <n>] [--per-user <n>]
  gradlab admin create-instructor <email> [--name <name>]`;

function fail(message: string, code = 2): never {
  console.error(`gradlab: ${message}`);
  process.exit(code);
}

async function grade(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'public-only': { type: 'boolean', default: false },
      format: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
  });
  const [exerciseId, file] = positionals;
  if (!exerciseId || !file || positionals.length > 2) fail(`grade takes an exercise id and a file\n${usage}`);
  if (!fs.existsSync(file)) fail(`no such file: ${file}`);
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!['text', 'json', 'gradescope'].includes(format))
    fail(`unknown --format "${format}" (text, json, gradescope)`);
  const language = path.extname(file) === '.js' || path.extname(file) === '.mjs' ? 'js' : 'ts';
  // The grading runs in a child process (as on the site): whatever the program does to that
  // process, this one prints a result and exits.
  const pool = createGraderPool({ size: 1 });
  let result: Awaited<ReturnType<typeof pool.grade>>;
  try {
    result = await pool.grade({
      exerciseId,
      code: fs.readFileSync(file, 'utf8'),
      language,
      publicOnly: values['public-only'],
    });
  } finally {
    await pool.close();
  }
  const text =
    format === 'json'
      ? JSON.stringify(result, null, 2)
      : format === 'gradescope'
        ? JSON.stringify(toGradescope(result), null, 2)
        : formatReport(result);
  if (values.output) fs.writeFileSync(values.output, `${text}\n`);
  else console.log(text);
  return 0;
}

async function check(ids: string[]): Promise<number> {
  // folder names only: a folder whose frontmatter is broken is reported by its own check
  const questionIds = new Set(listQuestionIds());
  const assessmentIds = new Set(listAssessmentIds());
  const exerciseIds = ids.filter((id) => !questionIds.has(id) && !assessmentIds.has(id));
  const askedQuestions = ids.length === 0 ? [...questionIds] : ids.filter((id) => questionIds.has(id));
  const askedAssessments = ids.length === 0 ? [...assessmentIds] : ids.filter((id) => assessmentIds.has(id));
  let problems = 0;
  const print = (line: string, found: CheckProblem[]) => {
    console.log(line);
    for (const p of found) console.log(`${path.relative(process.cwd(), p.file)}:${p.line}: ${p.message}`);
    problems += found.length;
  };
  if (ids.length === 0 || exerciseIds.length > 0) {
    const results = await checkExercises(exerciseIds);
    for (const report of results.values()) print(formatCheckReport(report), report.problems);
    if (results.size === 0) console.log('no exercises found');
  }
  for (const id of askedQuestions) {
    const report = await checkQuestionReport(id);
    print(formatQuestionReport(report), report.problems);
  }
  for (const id of askedAssessments) {
    const report = await checkAssessmentReport(id);
    print(formatAssessmentReport(report), report.problems);
  }
  return problems > 0 ? 1 : 0;
}

/** `gradlab question <id> --seed N`: a variant with its key, for an instructor. */
async function question(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { seed: { type: 'string', default: '1' }, json: { type: 'boolean', default: false } },
  });
  const [id] = positionals;
  if (!id || positionals.length > 1) fail(`question takes one question id\n${usage}`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0) fail(`--seed must be a whole number, got "${values.seed}"`);
  const loaded = loadQuestion(id);
  const variant = makeVariant(loaded, seed);
  if (values.json) {
    // each part with `response`: what a student who knows the key sends (tests fill it in)
    const parts = Object.fromEntries(
      Object.entries(variant.parts).map(([partId, part]) => [
        partId,
        { ...part, response: keyResponse(part) },
      ]),
    );
    console.log(
      JSON.stringify(
        { id, seed, params: variant.params, parts },
        (_, v) => (typeof v === 'function' ? '[function]' : v),
        2,
      ),
    );
    return 0;
  }
  console.log(
    `${loaded.meta.title} (${id}, seed ${seed}) · lecture ${loaded.meta.lecture} · topic ${loaded.meta.topic}`,
  );
  console.log(`parameters: ${JSON.stringify(variant.params)}`);
  console.log(fillParams(loaded.prompt, variant.params, loaded.sources.promptFile).trim());
  console.log('\nkey:');
  for (const [partId, part] of Object.entries(variant.parts))
    console.log(`  ${partId} (${part.type}, ${part.points} points): ${JSON.stringify(keyResponse(part))}`);
  return 0;
}

function scaffold(args: string[]): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lecture: { type: 'string' } },
  });
  const [id] = positionals;
  if (!id || positionals.length > 1) fail(`new takes one exercise id\n${usage}`);
  let created: ReturnType<typeof scaffoldExercise>;
  try {
    created = scaffoldExercise(id, values.lecture === undefined ? {} : { lecture: values.lecture });
  } catch (error) {
    if (error instanceof ScaffoldError) fail(error.message);
    throw error;
  }
  console.log(`created ${path.relative(process.cwd(), created.dir)}/:`);
  for (const file of created.files) console.log(`  ${path.relative(created.dir, file)}`);
  console.log('next:');
  for (const [i, step] of created.next.entries()) console.log(`  ${i + 1}. ${step}`);
  return 0;
}

/** `gradlab worker`: grades the PostgreSQL queue's jobs until SIGTERM (see queue/worker.ts). */
async function worker(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { concurrency: { type: 'string', default: '2' }, 'per-user': { type: 'string', default: '2' } },
  });
  if (positionals.length > 0) fail(`worker takes no arguments\n${usage}`);
  const count = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 64)
      fail(`--${name} must be a whole number from 1 to 64, got "${value}"`);
    return n;
  };
  const { runWorkerUntilSignalled } = await import('./queue/worker.ts');
  return runWorkerUntilSignalled({
    concurrency: count('concurrency', values.concurrency),
    perUser: count('per-user', values['per-user']),
  });
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'grade') return grade(rest);
  if (command === 'check') return check(rest);
  if (command === 'new') return scaffold(rest);
  if (command === 'question') return question(rest);
  if (command === 'worker') return worker(rest);
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(usage);
    return command === undefined ? 2 : 0;
  }
  return fail(`unknown command "${command}"\n${usage}`);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error), 1),
);
