/** Every surface the content script decorates, most specific first. */
import { commentGenerationA, commentGenerationB } from './comments';
import { messages } from './messages';
import { postGenerationA, postGenerationB } from './posts';
import type { Surface } from './surface';

export const ALL_SURFACES: readonly Surface[] = [
  messages,
  commentGenerationA,
  commentGenerationB,
  postGenerationA,
  postGenerationB,
];
