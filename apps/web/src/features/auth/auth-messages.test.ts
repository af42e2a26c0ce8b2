import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api/client';
import { checkNewPassword } from './reset-password-page';
import { signInErrorText } from './sign-in-page';

describe('signInErrorText', () => {
  it('never says which half was wrong', () => {
    const text = signInErrorText(new ApiError(401, 'e-mail or password is not right'));
    expect(text).toMatch(/do not match an account/);
    expect(text).not.toMatch(/unknown|no such|wrong password/i);
    expect(signInErrorText(new ApiError(400, 'x'))).toBe(text);
  });
  it('says to wait after too many attempts, and names a network failure', () => {
    expect(signInErrorText(new ApiError(429, 'slow down'))).toMatch(/Too many attempts/);
    expect(signInErrorText(new ApiError(0, 'offline'))).toMatch(/Cannot reach/);
    expect(signInErrorText(new Error('boom'))).toMatch(/did not work/);
  });
});

describe('checkNewPassword', () => {
  it('wants 8 characters and the same twice', () => {
    expect(checkNewPassword('short', 'short')).toMatch(/at least 8/);
    expect(checkNewPassword('long enough', 'long enougH')).toMatch(/not the same/);
    expect(checkNewPassword('long enough', 'long enough')).toBeNull();
  });
});
