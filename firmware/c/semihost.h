/* Output and exit through ARM semihosting: QEMU (`-semihosting-config enable=on`) or a debug
 * probe prints what the firmware writes and ends the run with its status. */
#ifndef SIGMINT_FIRMWARE_SEMIHOST_H
#define SIGMINT_FIRMWARE_SEMIHOST_H

#include <stdint.h>

/* Writes the NUL-terminated text to the host's console. */
void sh_write(const char *text);
/* Writes `value` in decimal. */
void sh_write_u32(uint32_t value);
/* Ends the run: QEMU exits with status 0 when `ok`, 1 otherwise. Does not return. */
void sh_exit(int ok) __attribute__((noreturn));

#endif
