import { ACTOR_ROLES, DOSSIER_ACTIONS, actionFromSlug, slugOfAction } from './dossier-actions';

describe('dossier action slugs', () => {
  it('has the sixteen actions and six roles', () => {
    expect(DOSSIER_ACTIONS).toHaveLength(16);
    expect(ACTOR_ROLES).toEqual(['applicant', 'receiving_officer', 'specialist', 'leader', 'admin', 'system']);
  });

  it.each([...DOSSIER_ACTIONS])('%s round-trips through its slug', (action) => {
    const slug = slugOfAction(action);
    expect(slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(actionFromSlug(slug)).toBe(action);
  });

  it.each([
    ['request-supplement', 'request_supplement'],
    ['send-back', 'send_back'],
    ['request-payment', 'request_payment'],
    ['confirm-payment', 'confirm_payment'],
    ['return-result', 'return_result'],
    ['accept', 'accept'],
  ])('%s ↔ %s', (slug, action) => {
    expect(actionFromSlug(slug)).toBe(action);
  });

  it.each(['', 'request_supplement', 'Accept', 'delete', 'accept ', 'history', 'documents', 'constructor', 'toString'])('rejects %j', (slug) => {
    expect(actionFromSlug(slug)).toBeNull();
  });
});
