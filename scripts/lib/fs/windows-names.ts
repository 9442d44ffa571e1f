/**
 * Names Windows cannot hold as they are. Packages and relays are shared between platforms, so the
 * checks live here for every platform to use: a receiver on Windows refuses such names before it
 * writes, and a sender anywhere is told about them.
 */

/** Characters Windows does not allow in a name (the controls are refused on every platform). */
const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** The device names of Windows, in any case, alone or before an extension (`nul.md`, `COM1 .txt`). */
const WINDOWS_DEVICE = /^(?:con|prn|aux|nul|com[0-9\u00b9\u00b2\u00b3]|lpt[0-9\u00b9\u00b2\u00b3]|conin\$|conout\$) *(?:\.|$)/i;

/**
 * Why Windows cannot hold `p` as the path it says, or undefined. There a `:` writes a hidden data
 * stream of another file, a device name opens the device (a serial port can block the process),
 * and a trailing dot or space is dropped, so the name becomes another one.
 */
export function windowsNameReason(p: string): string | undefined {
  for (const s of p.split('/')) {
    const forbidden = WINDOWS_FORBIDDEN.exec(s);
    if (forbidden)
      return `has '${forbidden[0]}' in a name, which Windows does not allow${forbidden[0] === ':' ? ' (it names a hidden data stream there)' : ''}`;
    if (isWindowsDeviceName(s)) return 'has a name Windows keeps for a device (such as CON, NUL or COM1)';
    if (s.endsWith('.') || s.endsWith(' ')) return 'has a name ending with a dot or a space, which Windows drops (it would be another name)';
  }
  return undefined;
}

/** True when Windows opens a device for the name `segment` (`nul`, `COM1.walnut`, `con .md`). */
export function isWindowsDeviceName(segment: string): boolean {
  return WINDOWS_DEVICE.test(segment);
}
