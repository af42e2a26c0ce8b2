import { findColumn, normalizeHeader } from './csv';

/**
 * The fields an HRIS CSV can fill, each matched to a column by its synonyms ({@link HRIS_SYNONYMS}).
 * `manager` may hold a manager's id, email or name; `managerEmail` is read when `manager` is blank.
 * `terminationDate` on or before the org's date (or a status such as "Terminated") leaves the
 * person out; `employeeType` ("Full-Time", "Contractor") is recognised and not used (reorg has no
 * such field), so that it is not offered as a likely manager column.
 */
export const HRIS_FIELDS = [
  'id',
  'name',
  'firstName',
  'lastName',
  'email',
  'title',
  'manager',
  'managerEmail',
  'level',
  'team',
  'department',
  'location',
  'startDate',
  'managerSince',
  'terminationDate',
  'employeeType',
  'cost',
  'currency',
  'status',
  'fte',
  'isAssistant',
  'dottedManagerIds',
  'recordType',
] as const;
/** One of {@link HRIS_FIELDS}. */
export type HrisField = (typeof HRIS_FIELDS)[number];

/**
 * Header synonyms per field, already normalised (see `normalizeHeader`: case, spaces, `_`, `#`,
 * `-`, `.` and parenthesised parts ignored). Earlier synonyms win when a file has several.
 */
export const HRIS_SYNONYMS: Record<HrisField, readonly string[]> = {
  id: [
    'employeeid',
    'personid',
    'employeenumber',
    'employeeno',
    'empid',
    'workerid',
    'staffid',
    'id',
    'slug',
    'handle',
    'username',
    'userid',
    'employee',
    'emp',
  ],
  name: ['name', 'fullname', 'employeename', 'displayname', 'personname', 'worker', 'preferredname'],
  firstName: ['firstname', 'givenname', 'forename'],
  lastName: ['lastname', 'surname', 'familyname'],
  email: [
    'email',
    'emailaddress',
    'workemail',
    'businessemail',
    'primaryworkemail',
    'mail',
    'userprincipalname',
  ],
  title: [
    'title',
    'jobtitle',
    'position',
    'positiontitle',
    'businesstitle',
    'positionname',
    'role',
    'jobrole',
  ],
  manager: [
    'managerid',
    'supervisorid',
    'bossid',
    'reportsto',
    'reportingto',
    'supervisoreid',
    'linemanagerid',
    'managerempid',
    'manageremployeeid',
    'manager',
    'linemanager',
    'supervisor',
    'managername',
    // Org-chart tools (d3-org-chart, OrgChart JS) name the manager the node's parent.
    'parentid',
    'parent',
    'pid',
    'parentnodeid',
    // Workday: "Engineering (Ana Lima)", the manager's name in parentheses (see hris-rows).
    'supervisoryorganization',
  ],
  managerEmail: ['manageremail', 'supervisoremail', 'linemanageremail', 'reportstoemail'],
  level: ['level', 'grade', 'band', 'joblevel', 'jobgrade', 'careerlevel', 'paygrade'],
  team: ['team', 'teamname', 'squad', 'teamid'],
  department: ['department', 'departments', 'departmentname', 'dept', 'division', 'orgunit', 'businessunit'],
  location: ['location', 'office', 'officelocation', 'worklocation', 'site'],
  startDate: ['startdate', 'hiredate', 'datehired', 'dateofhire', 'joindate', 'originalhiredate'],
  managerSince: ['managersince', 'managingsince', 'managerstartdate', 'peoplemanagersince'],
  terminationDate: ['terminationdate', 'enddate', 'leavingdate', 'leavedate', 'separationdate', 'lastday'],
  employeeType: ['employeetype', 'workertype', 'employmenttype', 'contracttype'],
  cost: ['annualcost', 'cost', 'salary', 'annualsalary', 'basesalary', 'loadedcost', 'totalcost'],
  currency: ['currency', 'currencycode', 'salarycurrency'],
  status: ['status', 'employmentstatus', 'employeestatus', 'workerstatus'],
  fte: ['fte', 'fulltimeequivalent'],
  isAssistant: ['isassistant', 'assistant'],
  dottedManagerIds: [
    'dottedlinemanagerids',
    'dottedlinemanagerid',
    'dottedlinemanagers',
    'dottedlinemanager',
    'dottedmanagerids',
    'dottedline',
    'matrixmanagerids',
    'matrixmanager',
  ],
  recordType: ['recordtype', 'rowtype'],
};

/** A field → header mapping (headers as written in the file). */
export type HrisMapping = Partial<Record<HrisField, string>>;

/** How the columns of a file were matched: field → header, and the headers no field uses. */
export interface HrisColumnMatch {
  mapping: HrisMapping;
  /** Headers (as written) that no field uses, in file order; empty headers are left out. */
  unmatched: string[];
}

/**
 * Matches HRIS columns to fields for a preview (a UI shows it and lets the user change it).
 * `overrides` (field → header) win over auto-matching; an override of `''` leaves the field
 * unmatched. An override naming a header the file lacks is ignored here; `importHrisCsv` reports it.
 */
export function matchHrisColumns(headers: readonly string[], overrides: HrisMapping = {}): HrisColumnMatch {
  const taken = new Set<number>();
  const mapping: HrisMapping = {};
  const overridden = new Set<HrisField>();
  for (const field of HRIS_FIELDS) {
    const header = overrides[field];
    if (header === undefined) continue;
    overridden.add(field);
    const i = findHeader(headers, header);
    if (header === '' || i < 0) continue;
    mapping[field] = headers[i];
    taken.add(i);
  }
  for (const field of HRIS_FIELDS) {
    if (overridden.has(field)) continue;
    const i = findColumn(headers, HRIS_SYNONYMS[field], taken);
    if (i < 0) continue;
    mapping[field] = headers[i];
    taken.add(i);
  }
  const unmatched = headers.filter((h, i) => !taken.has(i) && h !== '');
  return { mapping, unmatched };
}

/** Index of a header named by the user: exact text first, then the normalised form; -1 if none. */
export function findHeader(headers: readonly string[], header: string): number {
  const exact = headers.indexOf(header);
  if (exact >= 0 || header === '') return exact;
  const wanted = normalizeHeader(header);
  return headers.findIndex((h) => normalizeHeader(h) === wanted);
}
