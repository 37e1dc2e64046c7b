// web-ext ships no types; this is the one call we make.
declare module 'web-ext' {
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; selfHosted?: boolean; output?: 'json' | 'text' | 'none'; boring?: boolean },
        options?: { shouldExitProgram?: boolean },
      ): Promise<unknown>;
    };
  };
  export default webExt;
}
