/** The keyboard commands, by what they do (their keys are declared in wxt.config.ts's manifest). */
export const COMMANDS = {
  lookUp: 'lookup-selection',
  nextRedFlag: 'next-red-flag',
  previousRedFlag: 'previous-red-flag',
} as const;

export type CommandName = (typeof COMMANDS)[keyof typeof COMMANDS];
