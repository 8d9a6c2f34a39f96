// ExportMenu: being built this session (owned by one helper); replaced before the session ends.
export function ExportMenu() {
  return null;
}
