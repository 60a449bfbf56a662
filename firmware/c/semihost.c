/* ARM semihosting calls (the "Semihosting for AArch32 and AArch64" specification): the
 * operation in r0, its argument in r1, then `bkpt 0xAB` on M-profile cores. */
#include "semihost.h"

enum {
    SYS_WRITE0 = 0x04,
    SYS_EXIT = 0x18,
    /* SYS_EXIT reasons: QEMU exits with 0 for the first, 1 for any other. */
    ADP_STOPPED_APPLICATION_EXIT = 0x20026,
    ADP_STOPPED_RUN_TIME_ERROR = 0x20023,
};

static void call(uint32_t op, const void *arg) {
    register uint32_t r0 __asm__("r0") = op;
    register const void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
}

void sh_write(const char *text) {
    call(SYS_WRITE0, text);
}

void sh_write_u32(uint32_t value) {
    char digits[11];
    char *at = digits + sizeof digits - 1;
    *at = '\0';
    do {
        *--at = (char)('0' + value % 10u);
        value /= 10u;
    } while (value != 0);
    sh_write(at);
}

void sh_exit(int ok) {
    /* On 32-bit ARM the reason itself is the argument, not a pointer to a block. */
    call(SYS_EXIT, (const void *)(uintptr_t)(ok ? ADP_STOPPED_APPLICATION_EXIT
                                                : ADP_STOPPED_RUN_TIME_ERROR));
    for (;;) {
    }
}
