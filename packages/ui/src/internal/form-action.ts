/** A form action: a URL to post to, or a React server action. */
export type FormAction = string | ((formData: FormData) => void | Promise<void>);
