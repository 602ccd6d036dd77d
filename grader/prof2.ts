import v8 from 'node:v8';
for (const f of (process.env.FLAGS ?? '').split(' ').filter(Boolean)) v8.setFlagsFromString(f);
const fs = await import('node:fs');
const { exerciseSources } = await import('@gradlab/content');
const { gradeSubmission, cachedExercise } = await import('./src/grade.ts');
const code = fs.readFileSync(exerciseSources('affine-layer').solutionFile, 'utf8');
cachedExercise('affine-layer');
for (let i = 0; i < 20; i++) await gradeSubmission({ exerciseId: 'affine-layer', code, language: 'ts' });
const t: number[] = [];
for (let i = 0; i < 60; i++) { const s = performance.now(); await gradeSubmission({ exerciseId: 'affine-layer', code, language: 'ts' }); t.push(performance.now() - s); }
t.sort((a, b) => a - b);
console.log(process.env.FLAGS || 'none', 'p50', t[30]!.toFixed(1), 'p90', t[54]!.toFixed(1));
