import type { WindowRole } from '../review/window-role.js';

/** The organisation of one fiscal year as read from an import file, validated and normalised. */

export const CADENCES = ['weekly', 'biweekly', 'monthly'] as const;
export type Cadence = (typeof CADENCES)[number];

export interface OrgReviewWindow {
  name: string;
  /** Who acts in the window; from the file, else inferred from the name (inferWindowRole). */
  role: WindowRole;
  /** 'YYYY-MM-DD' */
  opensOn: string;
  /** 'YYYY-MM-DD', inclusive */
  closesOn: string;
}

export interface OrgIndicator {
  kind: 'activity' | 'outcome';
  unit: string | null;
  baseline: number | null;
  target: number | null;
}

export interface OrgMilestone {
  title: string;
  /** 'YYYY-MM-DD', within the fiscal year */
  dueOn: string;
}

export interface OrgTarget {
  code: string;
  category: string;
  title: string;
  description: string | null;
  ownerId: string | null;
  indicator: OrgIndicator | null;
  milestones: OrgMilestone[];
}

export interface OrgDepartment {
  code: string;
  name: string;
  nameEn: string | null;
  channelId: string | null;
  cadence: Cadence | null;
  managers: string[];
  members: string[];
  /**
   * Departments (by code) this one continues after a reorganisation: a rename under a new code, a
   * merge (several codes) or one part of a split (the same code named by several departments).
   */
  continues: string[];
  targets: OrgTarget[];
}

export interface Organization {
  fiscalYear: number;
  leadershipChannel: string;
  /** The organisation's name (板橋区), shown on the evaluation sheet; null when the file gives none. */
  organizationName: string | null;
  /** null: the file does not name HQ users (the setting is removed). */
  hqUsers: string[] | null;
  hqDepartment: string | null;
  cadence: Cadence | null;
  review: OrgReviewWindow[];
  departments: OrgDepartment[];
}

/** A problem (or warning) found in a file, located by YAML path or CSV row and column. */
export interface ImportProblem {
  location: string;
  message: string;
}

/** One line per problem, as the CLI prints it. */
export function formatProblem(problem: ImportProblem): string {
  return problem.location ? `${problem.location}: ${problem.message}` : problem.message;
}

/** An e-mail address the file names a person by, and where (as a problem's location). */
export interface EmailLocation {
  address: string;
  location: string;
}

export type ParsedOrganization =
  | {
      ok: true;
      organization: Organization;
      warnings: ImportProblem[];
      /** Every e-mail address naming a person, in file order: the import resolves them to ids. */
      emails: EmailLocation[];
    }
  | { ok: false; problems: ImportProblem[]; warnings: ImportProblem[] };
