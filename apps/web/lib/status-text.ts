/** Words for the statuses a submission or result can have (the codes stay in URLs and the API). */
const words: Record<string, string> = {
  queued: 'waiting to be graded',
  running: 'being graded',
  graded: 'graded',
  compile_error: 'compile error',
  runtime_error: 'runtime error',
  timeout: 'time limit exceeded',
  memory_limit: 'memory limit exceeded',
  error: 'grader error',
};

export function statusText(status: string): string {
  return words[status] ?? status.replaceAll('_', ' ');
}

/** With a capital letter, for labels that start a sentence or a table cell. */
export function statusLabel(status: string): string {
  const text = statusText(status);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
