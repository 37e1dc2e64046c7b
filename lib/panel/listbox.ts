/**
 * Arrow-key movement in a combobox's listbox, wrapping at both ends: the next active option, or
 * `null` for none. Other keys (Home, End, letters) belong to the text box.
 */
export function nextActiveIndex(key: string, active: number | null, count: number): number | null {
  if (count === 0) return null;
  if (key === 'ArrowDown') return active === null || active >= count - 1 ? 0 : active + 1;
  if (key === 'ArrowUp') return active === null || active <= 0 ? count - 1 : active - 1;
  return active;
}
