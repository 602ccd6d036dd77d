export { ContentError } from './content-error.ts';
export { contentRoot } from './content-root.ts';
export type { CompiledLecture, LectureFrontmatter, LectureMeta } from './lecture-schema.ts';
export { lectureFrontmatterSchema } from './lecture-schema.ts';
export { compileLecture, listLectures, parseLectureMeta } from './lectures.ts';
