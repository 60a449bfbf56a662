/* The smallest Cortex-M start-up: a vector table, a reset handler that sets up .data and .bss
 * and calls main(), and a fault handler that reports and stops. No libc, no heap. */
#include <stdint.h>

#include "semihost.h"

int main(void);

/* Laid out by lm3s6965.ld. */
extern uint32_t __data_load, __data_start, __data_end, __bss_start, __bss_end, __stack_top;

void reset_handler(void) __attribute__((noreturn));
static void fault_handler(void) __attribute__((noreturn));

void reset_handler(void) {
    const uint32_t *from = &__data_load;
    uint32_t *to;
    for (to = &__data_start; to < &__data_end; to++) {
        *to = *from++;
    }
    for (to = &__bss_start; to < &__bss_end; to++) {
        *to = 0;
    }
    sh_exit(main() == 0);
}

static void fault_handler(void) {
    sh_write("firmware: fault\n");
    sh_exit(0);
}

/* Initial stack pointer, then the handlers: reset, NMI, hard fault, memory management fault,
 * bus fault, usage fault. The firmware enables no interrupt, so the table ends there. */
__attribute__((section(".vectors"), used)) static void (*const vectors[])(void) = {
    (void (*)(void))(uintptr_t)&__stack_top,
    reset_handler,
    fault_handler,
    fault_handler,
    fault_handler,
    fault_handler,
    fault_handler,
};
