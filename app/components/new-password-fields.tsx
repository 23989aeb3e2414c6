import type { FieldMetadata } from '@conform-to/react';
import type { MessageKey } from '~/lib/i18n';
import { TextField } from './forms';
import { useT } from './use-translation';

/** The new password typed twice, with the password rules as its hint (the fields of `newPasswordSchema`). */
export function NewPasswordFields({
  fields,
  labels,
}: {
  fields: { password: FieldMetadata<string>; confirm: FieldMetadata<string> };
  labels: { password: MessageKey; confirm: MessageKey };
}) {
  const t = useT();
  return (
    <>
      <TextField
        meta={fields.password}
        label={t(labels.password)}
        hint={t('invite.passwordHint')}
        type="password"
        autoComplete="new-password"
      />
      <TextField meta={fields.confirm} label={t(labels.confirm)} type="password" autoComplete="new-password" />
    </>
  );
}
