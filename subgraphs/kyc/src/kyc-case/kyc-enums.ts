import { registerEnumType } from 'type-graphql';

export enum KycSubjectType {
  STREAMER = 'STREAMER',
  BRAND = 'BRAND',
}
registerEnumType(KycSubjectType, { name: 'KycSubjectType', description: 'Who is being verified.' });

export enum KycDocumentType {
  PASSPORT = 'PASSPORT',
  NATIONAL_ID = 'NATIONAL_ID',
  DRIVERS_LICENSE = 'DRIVERS_LICENSE',
  RESIDENCE_PERMIT = 'RESIDENCE_PERMIT',
  BUSINESS_REGISTRATION = 'BUSINESS_REGISTRATION',
}
registerEnumType(KycDocumentType, {
  name: 'KycDocumentType',
  description: 'BUSINESS_REGISTRATION is for brands only; the personal documents are for streamers only.',
});

export enum KycStatus {
  NOT_STARTED = 'NOT_STARTED',
  PENDING = 'PENDING',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  EXPIRED = 'EXPIRED',
}
registerEnumType(KycStatus, {
  name: 'KycStatus',
  description:
    'NOT_STARTED -> PENDING (submitted) -> IN_REVIEW -> APPROVED (valid one year, then EXPIRED) or REJECTED (may be resubmitted while attempts remain).',
});
