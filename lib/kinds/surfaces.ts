/** Every surface the content script decorates, most specific first. */

import type { Surface } from '../content/surface';
import { commentGenerationA, commentGenerationB } from './comment/surface';
import { messages } from './message/surface';
import { postGenerationA, postGenerationB } from './post/surface';

export const ALL_SURFACES: readonly Surface[] = [
  messages,
  commentGenerationA,
  commentGenerationB,
  postGenerationA,
  postGenerationB,
];
