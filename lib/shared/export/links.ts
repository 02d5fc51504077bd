/** A contact's LinkedIn profile address, as LinkedIn writes it; the import reads the id back out. */
export const linkedInProfileUrl = (id: string): string => `https://www.linkedin.com/in/${encodeURIComponent(id)}/`;
