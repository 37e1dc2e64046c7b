/**
 * The engines whose threads are read from their own markup, tried in order before the generic
 * reading. One file per engine. Each rejects other pages with a cheap check (a generator tag, a
 * root id or class, the site's address) before looking for posts.
 */
import type { Recogniser } from '../types';
import { discourse } from './discourse';
import { disqus } from './disqus';
import { healthUnlocked } from './healthunlocked';
import { invision } from './invision';
import { khoros } from './khoros';
import { mumsnet } from './mumsnet';
import { patient } from './patient';
import { phpbb } from './phpbb';
import { reddit } from './reddit';
import { stackExchange } from './stackexchange';
import { vbulletin } from './vbulletin';
import { wordpress } from './wordpress';
import { xenforo } from './xenforo';

export const RECOGNISERS: readonly Recogniser[] = [
  discourse,
  phpbb,
  xenforo,
  vbulletin,
  invision,
  reddit,
  khoros,
  healthUnlocked,
  mumsnet,
  patient,
  stackExchange,
  disqus,
  wordpress,
];
