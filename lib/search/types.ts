export interface SearchResult {
  id: string;
  kind: 'topic' | 'red-flag';
  title: string;
  /** 0 is a perfect match, 1 no match (fuse.js convention). */
  score: number;
}
