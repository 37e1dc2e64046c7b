/**
 * The engines whose threads are read from their own markup, tried in order before the generic
 * reading. One file per engine.
 */
import type { Recogniser } from '../types';

export const RECOGNISERS: readonly Recogniser[] = [];
