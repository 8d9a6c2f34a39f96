// ShareMenu: being built this session (owned by one helper); replaced before the session ends.
export function ShareMenu() {
  return null;
}
