/** An E.164 number grouped for reading: +86 139 0000 1111. Other countries keep their digits. */
export function formatPhone(e164: string): string {
  const cn = /^\+86(\d{3})(\d{4})(\d{4})$/.exec(e164);
  return cn ? `+86 ${cn[1]} ${cn[2]} ${cn[3]}` : e164;
}
