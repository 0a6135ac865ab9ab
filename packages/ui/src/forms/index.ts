export { ButtonLink } from "./button-link.tsx";
export { ConflictNotice, type ConflictNoticeProps } from "./conflict-notice.tsx";
export { FieldFrame, type FieldFrameProps } from "./field-frame.tsx";
export { SelectField, type SelectFieldProps } from "./select-field.tsx";
export { SubmitButton, type SubmitButtonProps } from "./submit-button.tsx";
export { TextAreaField, type TextAreaFieldProps } from "./text-area-field.tsx";
export { TextField, type TextFieldProps } from "./text-field.tsx";
