/** The status a case file carries once closed with a given outcome. */
import type { CaseStatus, CloseOutcome } from '../../shared/vocabularies.ts';

export const STATUS_AFTER_CLOSE: Record<CloseOutcome, CaseStatus> = {
  transferred: 'transferred',
  refused_by_sentencing_state: 'refused',
  refused_by_administering_state: 'refused',
  ineligible_closed: 'closed',
  consent_withdrawn: 'withdrawn',
  consent_not_verified: 'closed',
  released_before_transfer: 'closed',
  sentence_extinguished: 'closed',
  withdrawn_by_state: 'withdrawn',
  deceased: 'closed',
  escaped: 'closed',
  closed_unviable: 'closed',
};
