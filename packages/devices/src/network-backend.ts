/**
 * The host side of a network device: where the frames a guest transmits go
 * (a tap device or a user-mode stack in the CLI, a WebSocket relay in the
 * browser, another VM's device in the hypervisor). Frames the host delivers
 * to the guest go the other way, through the device's `receive(frame)`.
 */
export interface NetworkBackend {
  /** One Ethernet frame (destination MAC first, no FCS) sent by the guest. */
  send(frame: Uint8Array): void;
}
