import { z } from 'zod';

export const NOTIFICATION_MODES = ['IMMEDIATE', 'DIGEST'] as const;
export const notificationModeSchema = z.enum(NOTIFICATION_MODES);
export type NotificationMode = z.infer<typeof notificationModeSchema>;
