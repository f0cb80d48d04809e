import { z } from 'zod';
import { abilities, id } from './shared.js';

/** What a file is for within its owner. */
export const filePurposes = [
  'photo',
  'document',
  'rule',
  'evidence',
  'receipt',
  'certificate',
  'other',
] as const;
export type FilePurpose = (typeof filePurposes)[number];
export const filePurposeLabels: Record<FilePurpose, { zh: string; en: string }> = {
  photo: { zh: '照片', en: 'Photo' },
  document: { zh: '文档', en: 'Document' },
  rule: { zh: '制度文件', en: 'Rules' },
  evidence: { zh: '佐证材料', en: 'Evidence' },
  receipt: { zh: '票据', en: 'Receipt' },
  certificate: { zh: '证书', en: 'Certificate' },
  other: { zh: '其他', en: 'Other' },
};

/** Owner types are registered by the modules (studio, application, result…): any short identifier. */
export const ownerType = z
  .string()
  .trim()
  .regex(/^[a-z][a-zA-Z0-9_]{1,39}$/);

export const fileOwnerQuery = z.object({ ownerType, ownerId: id });
export const fileUploadQuery = fileOwnerQuery.extend({ purpose: z.enum(filePurposes).default('document') });
export type FileUploadQuery = z.infer<typeof fileUploadQuery>;
export const fileListQuery = fileOwnerQuery.extend({ purpose: z.enum(filePurposes).optional() });
export type FileListQuery = z.infer<typeof fileListQuery>;

export const fileInfo = z.object({
  id: z.number().int(),
  ownerType: z.string(),
  ownerId: z.number().int(),
  purpose: z.enum(filePurposes),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.number().int().nullable(),
  uploadedByName: z.string().nullable(),
  deletedAt: z.string().nullable(),
  createdAt: z.string(),
  /** GET this to download (or show, for images). */
  url: z.string(),
  abilities,
});
export type FileInfo = z.infer<typeof fileInfo>;

/** Accepted types, detected from the bytes; the web uses this for the picker's `accept`. */
export const allowedFileTypes = {
  'image/jpeg': '.jpg',
  'image/png': '.png',
  'image/webp': '.webp',
  'image/gif': '.gif',
  'application/pdf': '.pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': '.pptx',
  'application/msword': '.doc',
  'application/vnd.ms-excel': '.xls',
} as const;
export type AllowedMime = keyof typeof allowedFileTypes;
