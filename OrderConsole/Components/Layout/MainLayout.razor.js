// The browser's time zone, as an IANA id ("Europe/Rome"); the layout asks once per circuit.
export function timeZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
}
