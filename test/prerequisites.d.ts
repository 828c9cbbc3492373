// Types for test/prerequisites.js (plain JavaScript so that test/summaryReporter.js can load it).
export type Prerequisite = 'chromium' | 'libreoffice' | 'pdftoppm';
export const CHROMIUM: string;
export const MARK: string;
export function have(name: Prerequisite): boolean;
export function needs(...names: Prerequisite[]): jest.Describe | ((title: string, fn: () => void) => void);
export function missingPrerequisites(): {
  name: Prerequisite;
  label: string;
  tests: string;
  missing: string;
  install: string;
}[];
