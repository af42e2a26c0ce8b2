import { describe, expect, it } from 'vitest';
import { getSafeNext, getSignInUrl, isAuthPage } from './sign-in-url';

describe('getSignInUrl', () => {
  it('keeps the path and query as next', () => {
    expect(getSignInUrl('/orgs/scaleup/scenarios/s1/chart', '?person=E1042')).toBe(
      '/signin?next=%2Forgs%2Fscaleup%2Fscenarios%2Fs1%2Fchart%3Fperson%3DE1042',
    );
  });
  it('is plain /signin from the start page and from the auth pages', () => {
    expect(getSignInUrl('/', '')).toBe('/signin');
    expect(getSignInUrl('/signin', '?next=%2Fx')).toBe('/signin');
    expect(getSignInUrl('/reset-password', '?token=t')).toBe('/signin');
  });
  it('round-trips through getSafeNext', () => {
    const url = new URL(getSignInUrl('/orgs/a b/compare', '?scenarios=x,y'), 'http://h');
    expect(getSafeNext(url.search)).toBe('/orgs/a b/compare?scenarios=x,y');
  });
});

describe('getSafeNext', () => {
  it('accepts paths on this site', () => {
    expect(getSafeNext('?next=%2Forgs%2Fscaleup')).toBe('/orgs/scaleup');
    expect(getSafeNext('')).toBe('/');
  });
  it('refuses other sites, schemes and the auth pages', () => {
    expect(getSafeNext('?next=https://evil.example/')).toBe('/');
    expect(getSafeNext('?next=//evil.example/')).toBe('/');
    expect(getSafeNext('?next=/\\evil.example')).toBe('/');
    expect(getSafeNext('?next=javascript:alert(1)')).toBe('/');
    expect(getSafeNext('?next=%2Fsignin%3Fnext%3D%2F')).toBe('/');
    expect(getSafeNext('?next=%2F%0Aevil')).toBe('/');
  });
});

describe('isAuthPage', () => {
  it('knows the sign-in and reset pages', () => {
    expect(isAuthPage('/signin')).toBe(true);
    expect(isAuthPage('/reset-password')).toBe(true);
    expect(isAuthPage('/settings')).toBe(false);
  });
});
