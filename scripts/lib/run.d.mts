export const quietWranglerEnv: Record<string, string>;
export function run(
  command: string,
  args: string[],
  options?: { stdio?: unknown; env?: Record<string, string>; cwd?: string },
): Promise<void>;
export function bin(name: string): string;
