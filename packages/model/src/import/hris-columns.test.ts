import { describe, expect, it } from 'vitest';
import { matchHrisColumns } from './hris-columns';

describe('matchHrisColumns', () => {
  it('matches the columns HR systems export, and lists the rest', () => {
    const headers = [
      'Employee Number',
      'First Name',
      'Last Name',
      'Email Address',
      'Position',
      'supervisorEId',
      'Band',
      'Departments',
      'Office',
      'Hire Date',
      'Manager Since',
      'Annual Cost',
      'Salary',
      'Employment Status',
      'FTE',
      'Is Assistant',
      'Dotted Line Manager IDs',
      'record_type',
      'Favourite Colour',
      '',
    ];
    expect(matchHrisColumns(headers)).toEqual({
      mapping: {
        id: 'Employee Number',
        firstName: 'First Name',
        lastName: 'Last Name',
        email: 'Email Address',
        title: 'Position',
        manager: 'supervisorEId',
        level: 'Band',
        department: 'Departments',
        location: 'Office',
        startDate: 'Hire Date',
        managerSince: 'Manager Since',
        cost: 'Annual Cost',
        status: 'Employment Status',
        fte: 'FTE',
        isAssistant: 'Is Assistant',
        dottedManagerIds: 'Dotted Line Manager IDs',
        recordType: 'record_type',
      },
      unmatched: ['Salary', 'Favourite Colour'],
    });
  });

  it('reads the GitLab team page: slug is the id, reports_to the manager', () => {
    const headers =
      'record_type,slug,gitlab_handle,placeholder,title,job_family_path,reports_to,reports_to_resolved,resolution,departments'.split(
        ',',
      );
    const { mapping, unmatched } = matchHrisColumns(headers);
    expect(mapping).toEqual({
      id: 'slug',
      title: 'title',
      manager: 'reports_to',
      department: 'departments',
      recordType: 'record_type',
    });
    expect(unmatched).toEqual([
      'gitlab_handle',
      'placeholder',
      'job_family_path',
      'reports_to_resolved',
      'resolution',
    ]);
  });

  it('lets overrides win, unmatch a field with an empty header, and free the auto-matched column', () => {
    const headers = ['ID', 'Manager ID', 'Boss', 'Level'];
    const { mapping, unmatched } = matchHrisColumns(headers, { manager: 'boss', level: '' });
    expect(mapping).toEqual({ id: 'ID', manager: 'Boss' });
    expect(unmatched).toEqual(['Manager ID', 'Level']);
  });
});
