/**
 * The checks a password form makes before asking the main process (which checks again):
 * a name when one is asked for, the password rule of shared/auth-policy.ts, and the
 * confirmation matching.
 */
import { passwordProblem } from '../../shared/auth-policy.ts';
import { keyedProblem, type FieldProblem } from '../../shared/domain/case.ts';

export interface PasswordForm {
  /** The name of the user the password is for. */
  name: string;
  password: string;
  confirm: string;
  passwordField: string;
  confirmField: string;
  /** The form asks for the name (first run, a new user). */
  requireName: boolean;
}

export function passwordCheck(form: PasswordForm): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (form.requireName && form.name.trim() === '') problems.push(keyedProblem('name', 'validation.required'));
  const rule = passwordProblem(form.password, form.name);
  if (rule !== null) problems.push(keyedProblem(form.passwordField, rule));
  if (form.confirm !== form.password) problems.push(keyedProblem(form.confirmField, 'validation.password.mismatch'));
  return problems;
}
