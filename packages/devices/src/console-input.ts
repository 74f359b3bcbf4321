/**
 * Input from the host to a console device (UART, virtio-console, HTIF):
 * the front end (terminal, web page, test) hands it the bytes typed. Devices
 * keep what they cannot deliver yet in a host-side queue, so no input is
 * lost while the guest is slow to read it.
 */
export interface ConsoleInput {
  receive(bytes: Uint8Array): void;
}
